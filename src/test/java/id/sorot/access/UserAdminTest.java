package id.sorot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may change users and tokens, on a real store: each change and each refusal is in the audit log. */
class UserAdminTest {

    @TempDir
    Path dir;

    Store store;
    Users users;
    AuditLog audit;
    UserAdmin admin;
    UserAdmin.Who root;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("sorot.duckdb"));
        users = new Users(store);
        audit = new AuditLog(store);
        admin = new UserAdmin(users, new Tokens(store, users), audit);
        admin.add(UserAdmin.Who.cli(), draft("admin", Role.ADMIN), "kata-sandi-admin");
        root = new UserAdmin.Who(users.require("admin").actor("password"), "10.0.0.1");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Users.Draft draft(String name, Role role) {
        return new Users.Draft(name, null, role, role == Role.ADMIN ? Set.of() : Set.of("3275"), null, false);
    }

    private UserAdmin.Who as(String name) {
        return new UserAdmin.Who(users.require(name).actor("password"), "10.0.0.2");
    }

    @Test
    void an_admin_adds_and_changes_a_user_and_the_log_says_who_from_where_and_what() {
        admin.add(root, draft("wali", Role.PIMPINAN), "kata-sandi-wali");
        admin.update(root, draft("wali", Role.BAGIAN_ORGANISASI));
        assertThat(users.require("wali").role()).isEqualTo(Role.BAGIAN_ORGANISASI);
        assertThat(audit.latest(5, "admin", null))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::subject, AuditLog.Entry::ip, AuditLog.Entry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "user_changed",
                                "wali",
                                "10.0.0.1",
                                "pimpinan, pemda 3275 -> bagian_organisasi, pemda 3275"),
                        org.assertj.core.groups.Tuple.tuple("user_added", "wali", "10.0.0.1", "pimpinan, pemda 3275"));
    }

    @Test
    void a_non_admin_changes_no_user_and_its_attempt_is_logged_as_denied() {
        admin.add(root, draft("bo", Role.BAGIAN_ORGANISASI), "kata-sandi-bo1");
        assertThatThrownBy(() -> admin.add(as("bo"), draft("teman", Role.ADMIN), "kata-sandi-teman"))
                .isInstanceOf(UserAdmin.Refused.class);
        assertThatThrownBy(() -> admin.resetPassword(as("bo"), "admin", "kata-sandi-baru"))
                .isInstanceOf(UserAdmin.Refused.class);
        assertThat(users.find("teman")).isEmpty();
        assertThat(users.encoder()
                        .matches("kata-sandi-admin", users.require("admin").passwordHash()))
                .isTrue();
        assertThat(audit.latest(5, "bo", null))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("password_changed", "denied"),
                        org.assertj.core.groups.Tuple.tuple("user_added", "denied"));
    }

    @Test
    void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() {
        admin.add(root, draft("kedua", Role.ADMIN), "kata-sandi-kedua");
        assertThatThrownBy(() -> admin.setEnabled(root, "admin", false))
                .isInstanceOf(UserAdmin.Refused.class)
                .hasMessageContaining("signed in with");
        admin.setEnabled(root, "kedua", false);
        assertThatThrownBy(() -> admin.update(as("admin"), draft("admin", Role.PIMPINAN)))
                .hasMessageContaining("last enabled admin");
        assertThat(users.require("admin").role()).isEqualTo(Role.ADMIN);
        assertThat(audit.latest(1, "admin", "user_changed").getFirst().outcome())
                .isEqualTo("failed");
    }

    @Test
    void a_user_makes_and_revokes_its_own_tokens_but_not_anothers() {
        admin.add(root, draft("op", Role.PIMPINAN), "kata-sandi-op1");
        admin.add(root, draft("lain", Role.PIMPINAN), "kata-sandi-lain");
        Tokens.Created mine = admin.createToken(as("op"), "op", "laporan", 30);
        assertThat(admin.tokens(as("op"), "op")).hasSize(1);
        assertThatThrownBy(
                        () -> admin.revokeToken(as("lain"), "op", mine.token().id()))
                .isInstanceOf(UserAdmin.Refused.class);
        assertThatThrownBy(() -> admin.tokens(as("lain"), "op")).isInstanceOf(UserAdmin.Refused.class);
        assertThat(admin.revokeToken(as("op"), "op", mine.token().id())).isTrue();
        assertThatThrownBy(() -> admin.revokeToken(as("op"), "op", mine.token().id()))
                .hasMessageContaining("no active token");
        assertThat(audit.latest(10, "op", null))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("token_revoked", "failed"),
                        org.assertj.core.groups.Tuple.tuple("token_revoked", "ok"),
                        org.assertj.core.groups.Tuple.tuple("token_created", "ok"));
        assertThat(audit.latest(10, "lain", null))
                .extracting(AuditLog.Entry::outcome)
                .containsOnly("denied");
    }

    @Test
    void a_users_own_password_changes_only_with_the_current_one() {
        admin.add(root, draft("sendiri", Role.PIMPINAN), "kata-sandi-lama");
        assertThatThrownBy(() -> admin.changeOwnPassword(as("sendiri"), "salah-sekali", "kata-sandi-baru"))
                .isInstanceOf(UserAdmin.Refused.class);
        admin.changeOwnPassword(as("sendiri"), "kata-sandi-lama", "kata-sandi-baru");
        assertThat(users.encoder()
                        .matches("kata-sandi-baru", users.require("sendiri").passwordHash()))
                .isTrue();
    }
}
