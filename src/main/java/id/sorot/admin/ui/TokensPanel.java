package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.sorot.access.Tokens;
import id.sorot.access.UserAdmin;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A user's personal access tokens: name, the first characters, made, expires, last used, state, and
 * a way to revoke each. On one's own page a new token can be made; its secret is shown once.
 */
final class TokensPanel extends Div {

    private final UserAdmin admin;
    private final String username;
    private final Grid<Tokens.Token> grid = new Grid<>();

    TokensPanel(UserAdmin admin, String username, boolean mayCreate, int defaultDays) {
        this.admin = admin;
        this.username = username;
        setId("tokens-panel");
        if (mayCreate) add(createForm(defaultDays));
        grid.setId("tokens");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Tokens.Token::name)
                .setHeader(getTranslation("tokens.name"))
                .setAutoWidth(true);
        grid.addColumn(Tokens.Token::hint)
                .setHeader(getTranslation("tokens.hint"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.createdAt().format(UsersView.TIME))
                .setHeader(getTranslation("tokens.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt().format(UsersView.TIME))
                .setHeader(getTranslation("tokens.expires"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "–" : t.lastUsedAt().format(UsersView.TIME))
                .setHeader(getTranslation("tokens.used"))
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("tokens.state")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
                    Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
                        if (Requests.attempt(() -> admin.revokeToken(Requests.who(), username, t.id()))) refresh();
                    });
                    revoke.setId("token-revoke-" + t.id());
                    revoke.addThemeVariants(
                            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    revoke.setVisible(t.activeAt(LocalDateTime.now(ZoneOffset.UTC)));
                    return revoke;
                })
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("tokens.none"));
        add(grid);
        refresh();
    }

    private HorizontalLayout createForm(int defaultDays) {
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setPlaceholder(getTranslation("tokens.name.placeholder"));
        IntegerField days = new IntegerField(getTranslation("tokens.days"));
        days.setId("token-days");
        days.setMin(1);
        days.setMax(366);
        days.setValue(defaultDays);
        days.setStepButtonsVisible(true);
        Button create = new Button(getTranslation("tokens.create"), e -> {
            Tokens.Created[] made = new Tokens.Created[1];
            int d = days.getValue() == null ? defaultDays : days.getValue();
            if (Requests.attempt(() -> made[0] = admin.createToken(Requests.who(), username, name.getValue(), d))) {
                SecretDialog.show(
                        getTranslation("tokens.created.title", made[0].token().name()),
                        getTranslation("tokens.once"),
                        made[0].secret());
                name.clear();
                refresh();
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private String state(Tokens.Token t) {
        if (t.revokedAt() != null) return getTranslation("tokens.state.revoked");
        if (!t.activeAt(LocalDateTime.now(ZoneOffset.UTC))) return getTranslation("tokens.state.expired");
        return getTranslation("tokens.state.active");
    }

    private void refresh() {
        grid.setItems(admin.tokens(Requests.who(), username));
    }
}
