package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.sorot.access.Account;
import id.sorot.access.UserAdmin;
import id.sorot.access.Users;
import id.sorot.opd.OpdService;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code /admin/pengguna}: every user with role, pemda, OPD and state; add one, change its role and
 * memberships, reset its password (the new one shown once), disable or enable it, see and revoke its
 * tokens.
 */
@RolesAllowed("ADMIN")
@Route("admin/pengguna")
class UsersView extends Div implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Users users;
    private final UserAdmin admin;
    private final OpdService opds;
    private final Grid<Account> grid = new Grid<>();

    UsersView(Users users, UserAdmin admin, OpdService opds) {
        this.users = users;
        this.admin = admin;
        this.opds = opds;
        setId("users-view");
        getStyle().set("padding", "var(--lumo-space-m)");

        Button add = new Button(getTranslation("users.add"), e -> new UserDialog(opds, null, this::save).open());
        add.setId("user-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("users.title")), add);
        top.setAlignItems(HorizontalLayout.Alignment.BASELINE);

        grid.setId("users");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Account::username)
                .setHeader(getTranslation("users.username"))
                .setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(a -> a.fullName() == null ? "" : a.fullName())
                .setHeader(getTranslation("users.fullname"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role().key()))
                .setHeader(getTranslation("users.role"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::pemda).setHeader(getTranslation("users.pemda")).setAutoWidth(true);
        grid.addColumn(a -> a.opd() == null
                        ? ""
                        : a.opd() + (a.opdOnly() ? " · " + getTranslation("users.opd_only.short") : ""))
                .setHeader(getTranslation("users.opd"))
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("users.state")).setAutoWidth(true);
        grid.addColumn(a -> a.createdAt() == null ? "" : a.createdAt().format(TIME))
                .setHeader(getTranslation("users.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);

        add(top, new Paragraph(getTranslation("users.help")), grid);
        refresh();
    }

    private String pemda(Account a) {
        if (a.pemda().isEmpty()) return getTranslation("users.every_pemda");
        return String.join(
                ", ",
                a.pemda().stream()
                        .map(k -> opds.directory().pemda(k).map(p -> p.nama()).orElse(k))
                        .toList());
    }

    private String state(Account a) {
        if (!a.enabled()) return getTranslation("users.state.disabled");
        if (a.lockedAt(LocalDateTime.now(ZoneOffset.UTC))) return getTranslation("users.state.locked");
        return getTranslation("users.state.active");
    }

    private HorizontalLayout actions(Account a) {
        Button edit = small(getTranslation("users.edit"), () -> new UserDialog(opds, a, this::save).open());
        edit.setId("user-edit-" + a.username());
        Button reset = small(getTranslation("users.reset"), () -> {
            String password = Users.randomPassword();
            if (Requests.attempt(() -> admin.resetPassword(Requests.who(), a.username(), password))) {
                SecretDialog.show(
                        getTranslation("users.reset.title", a.username()),
                        getTranslation("users.password.once"),
                        password);
                refresh();
            }
        });
        reset.setId("user-reset-" + a.username());
        Button toggle = small(getTranslation(a.enabled() ? "users.disable" : "users.enable"), () -> {
            if (Requests.attempt(() -> admin.setEnabled(Requests.who(), a.username(), !a.enabled()))) refresh();
        });
        toggle.setId("user-toggle-" + a.username());
        Button tokens = small(getTranslation("users.tokens"), () -> new TokensDialog(admin, a.username()).open());
        tokens.setId("user-tokens-" + a.username());
        return new HorizontalLayout(edit, reset, toggle, tokens);
    }

    private static Button small(String text, Runnable click) {
        Button b = new Button(text, e -> click.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    /** Adds (the password is made here and shown once) or changes a user; false keeps the dialog open. */
    private boolean save(Users.Draft draft, boolean isNew) {
        if (isNew) {
            String password = Users.randomPassword();
            boolean ok = Requests.attempt(() -> admin.add(Requests.who(), draft, password));
            if (ok) {
                SecretDialog.show(
                        getTranslation("users.added.title", draft.username()),
                        getTranslation("users.password.once"),
                        password);
            }
            refresh();
            return ok;
        }
        boolean ok = Requests.attempt(() -> admin.update(Requests.who(), draft));
        refresh();
        return ok;
    }

    private void refresh() {
        grid.setItems(users.list());
        // auto widths are measured on the first rows; a new user's longer role must fit too
        grid.recalculateColumnWidths();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · Sorot";
    }
}
