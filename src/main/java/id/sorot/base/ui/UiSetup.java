package id.sorot.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every UI starts in Bahasa Indonesia unless the user chose English in this session; one error
 * handler logs every uncaught error and tells the user in their language.
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    static final String LOCALE = "sorot.locale";
    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            log.error("Unhandled UI error", error.getThrowable());
            var ui = com.vaadin.flow.component.UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(
                                ui.getTranslation(
                                        "app.error",
                                        String.valueOf(error.getThrowable().getMessage())),
                                8000,
                                Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
        event.getSource().addUIInitListener(e -> {
            Object chosen = VaadinSession.getCurrent().getAttribute(LOCALE);
            e.getUI().setLocale(chosen instanceof Locale l ? l : Translations.INDONESIAN);
        });
    }

    static void choose(Locale locale) {
        VaadinSession.getCurrent().setAttribute(LOCALE, locale);
    }
}
