package id.sorot.access.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.sorot.access.AccessProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * {@code /masuk}: the one page an anonymous visitor gets. The form posts to Spring Security (the
 * password never passes through Vaadin); a failure comes back as {@code ?error} with one message for
 * every cause, so the page does not tell which user names exist or are locked. Its session lives
 * {@code sorot.access.sign-in-session-seconds} unless someone signs in.
 */
@Route(value = SignInView.PATH, autoLayout = false)
@PageTitle("Masuk · Sorot")
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

    public static final String PATH = "masuk";

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;
    private final AccessProperties properties;

    SignInView(
            AuthenticationContext authentication,
            AccessProperties properties,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.authentication = authentication;
        this.properties = properties;
        setId("sign-in");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("margin-bottom", "0");
        Paragraph subtitle = new Paragraph(getTranslation("app.subtitle"));
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("signin.title"));
        i18n.getForm().setUsername(getTranslation("signin.username"));
        i18n.getForm().setPassword(getTranslation("signin.password"));
        i18n.getForm().setSubmit(getTranslation("signin.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("signin.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("signin.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("signin.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("signin.error.password"));
        i18n.setAdditionalInformation(getTranslation("signin.help"));
        form.setI18n(i18n);
        form.setAction(PATH);
        form.setForgotPasswordButtonVisible(false);
        form.setId("sign-in-form");
        add(title, subtitle, form);
        // one way out per configured identity provider: the browser leaves for it and comes back signed in
        if (registrations.getIfAvailable() instanceof Iterable<?> providers) {
            for (Object o : providers) {
                ClientRegistration r = (ClientRegistration) o;
                Anchor sso = new Anchor(
                        "/oauth2/authorization/" + r.getRegistrationId(),
                        getTranslation("signin.sso", r.getClientName()));
                sso.setId("sign-in-sso-" + r.getRegistrationId());
                sso.getElement().setAttribute("router-ignore", true);
                sso.getStyle().set("font-weight", "600");
                add(sso);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setMaxInactiveInterval(properties.signInSessionSeconds());
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
