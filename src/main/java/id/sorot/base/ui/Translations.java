package id.sorot.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Vaadin's translations from Spring's message bundles: Bahasa Indonesia first, English second. */
@Component
public class Translations implements I18NProvider {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    Translations(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(INDONESIAN, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, "!" + key, locale == null ? INDONESIAN : locale);
    }
}
