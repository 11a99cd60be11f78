package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.sorot.access.AccessProperties;
import id.sorot.access.Account;
import id.sorot.access.UserAdmin;
import id.sorot.access.Users;
import id.sorot.opd.OpdService;
import jakarta.annotation.security.PermitAll;

/**
 * {@code /akun}: who one is signed in as, one's own password (for a user with one; a single-sign-on
 * user has none here), and one's personal access tokens for the API and JDBC, made here and shown once.
 */
@PermitAll
@Route("akun")
class AccountView extends Div implements HasDynamicTitle {

    AccountView(Users users, UserAdmin admin, AccessProperties properties, OpdService opds) {
        setId("account-view");
        getStyle().set("padding", "var(--lumo-space-m)").set("max-width", "72em");
        Account me = users.require(Requests.who().name());
        add(new H2(getTranslation("account.title")));
        Paragraph who = new Paragraph(getTranslation(
                "account.who",
                me.username(),
                getTranslation("role." + me.role().key()),
                me.pemda().isEmpty()
                        ? getTranslation("users.every_pemda")
                        : String.join(
                                ", ",
                                me.pemda().stream()
                                        .map(k -> opds.directory()
                                                .pemda(k)
                                                .map(p -> p.nama())
                                                .orElse(k))
                                        .toList())));
        who.setId("account-who");
        add(who);

        if (me.passwordHash() != null) {
            add(new H3(getTranslation("account.password")));
            PasswordField current = new PasswordField(getTranslation("account.password.current"));
            current.setId("password-current");
            PasswordField next = new PasswordField(getTranslation("account.password.new"));
            next.setId("password-new");
            next.setHelperText(getTranslation("account.password.help"));
            PasswordField again = new PasswordField(getTranslation("account.password.again"));
            again.setId("password-again");
            Button change = new Button(getTranslation("account.password.change"), e -> {
                if (!next.getValue().equals(again.getValue())) {
                    again.setInvalid(true);
                    again.setErrorMessage(getTranslation("account.password.differ"));
                    return;
                }
                again.setInvalid(false);
                if (Requests.attempt(
                        () -> admin.changeOwnPassword(Requests.who(), current.getValue(), next.getValue()))) {
                    current.clear();
                    next.clear();
                    again.clear();
                    Notification.show(
                                    getTranslation("account.password.changed"), 4000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            });
            change.setId("password-change");
            change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout row = new HorizontalLayout(current, next, again, change);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
        }

        add(new H3(getTranslation("tokens.title")));
        add(new Paragraph(getTranslation("tokens.help")));
        add(new TokensPanel(admin, me.username(), true, properties.tokenDays()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Sorot";
    }
}
