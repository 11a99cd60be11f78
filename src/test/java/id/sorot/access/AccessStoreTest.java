package id.sorot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.base.duckdb.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, tokens and the audit log on a real DuckDB file: what is stored, what is refused. */
class AccessStoreTest {

    @TempDir
    Path dir;

    Store store;
    Users users;
    Tokens tokens;
    AuditLog audit;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("sorot.duckdb"));
        users = new Users(store);
        tokens = new Tokens(store, users);
        audit = new AuditLog(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Users.Draft operator(String name) {
        return new Users.Draft(name, "Operator Setda", Role.OPERATOR_OPD, Set.of("3275"), "SETDA", true);
    }

    @Test
    void a_user_is_stored_with_a_bcrypt_hash_and_its_memberships() throws Exception {
        Account a = users.add(operator("op.setda"), "rahasia-sekali-1", "local");
        assertThat(a.role()).isEqualTo(Role.OPERATOR_OPD);
        assertThat(a.pemda()).containsExactly("3275");
        assertThat(a.passwordHash()).startsWith("$2").doesNotContain("rahasia");
        assertThat(users.encoder().matches("rahasia-sekali-1", a.passwordHash()))
                .isTrue();
        assertThat(a.actor("password").loadOpd()).isEqualTo("SETDA");
        assertThat(a.actor("password").readOpd()).isEqualTo("SETDA");
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM app_user WHERE password_hash LIKE '%rahasia%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }

        users.passwd("op.setda", "kata-sandi-baru-2");
        String hash = users.require("op.setda").passwordHash();
        assertThat(users.encoder().matches("kata-sandi-baru-2", hash)).isTrue();
        assertThat(users.encoder().matches("rahasia-sekali-1", hash)).isFalse();
    }

    @Test
    void a_user_no_rule_allows_is_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> users.add(
                        new Users.Draft("pimpinan", null, Role.PIMPINAN, Set.of(), null, false),
                        "rahasia-sekali-1",
                        "local"))
                .hasMessageContaining("needs at least one pemda");
        assertThatThrownBy(() -> users.add(
                        new Users.Draft("op", null, Role.OPERATOR_OPD, Set.of("3275"), null, false),
                        "rahasia-sekali-1",
                        "local"))
                .hasMessageContaining("exactly one pemda and one OPD");
        assertThatThrownBy(() -> users.add(
                        new Users.Draft("Bad Name", null, Role.ADMIN, Set.of(), null, false),
                        "rahasia-sekali-1",
                        "local"))
                .hasMessageContaining("user name 'Bad Name'");
        assertThatThrownBy(() -> users.add(operator("op.setda"), "pendek", "local"))
                .hasMessageContaining("at least 10 characters");
        assertThat(users.none()).isTrue();

        users.add(operator("op.setda"), "rahasia-sekali-1", "local");
        assertThatThrownBy(() -> users.add(operator("op.setda"), "rahasia-sekali-1", "local"))
                .hasMessageContaining("exists already");
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void the_fifth_failed_sign_in_in_a_row_locks_and_a_success_resets() {
        users.add(operator("op.setda"), "rahasia-sekali-1", "local");
        for (int i = 0; i < 4; i++) users.signInFailed("op.setda", 5, 15);
        Account four = users.require("op.setda");
        assertThat(four.failedSignIns()).isEqualTo(4);
        assertThat(four.lockedAt(Clock.now())).isFalse();

        users.signInFailed("op.setda", 5, 15);
        Account locked = users.require("op.setda");
        assertThat(locked.lockedAt(Clock.now())).isTrue();
        assertThat(locked.lockedAt(Clock.now().plusMinutes(16))).isFalse();

        users.signInSucceeded("op.setda");
        assertThat(users.require("op.setda").lockedUntil()).isNull();
        // an unknown name is not an error and makes no user
        users.signInFailed("nobody", 5, 15);
        assertThat(users.find("nobody")).isEmpty();
    }

    @Test
    void a_token_is_stored_hashed_acts_as_its_user_and_stops_when_revoked_or_the_user_is_disabled() throws Exception {
        users.add(operator("op.setda"), "rahasia-sekali-1", "local");
        Tokens.Created made = tokens.create("op.setda", "skrip impor", 30);
        assertThat(made.secret()).startsWith(Tokens.PREFIX).hasSizeGreaterThan(40);
        assertThat(made.token().hint()).endsWith("…").hasSize(Tokens.PREFIX.length() + 5);
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hash FROM api_token")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(Tokens.hash(made.secret())).doesNotContain(made.secret());
        }

        Actor actor = tokens.authenticate(made.secret()).orElseThrow();
        assertThat(actor.username()).isEqualTo("op.setda");
        assertThat(actor.role()).isEqualTo(Role.OPERATOR_OPD);
        assertThat(actor.via()).isEqualTo("token");
        assertThat(tokens.list("op.setda").getFirst().lastUsedAt()).isNotNull();
        assertThat(tokens.authenticate(made.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();

        users.setEnabled("op.setda", false);
        assertThat(tokens.authenticate(made.secret())).isEmpty();
        users.setEnabled("op.setda", true);
        assertThat(tokens.authenticate(made.secret())).isPresent();

        assertThat(tokens.revoke("someone-else", made.token().id())).isFalse();
        assertThat(tokens.revoke("op.setda", made.token().id())).isTrue();
        assertThat(tokens.authenticate(made.secret())).isEmpty();
        assertThat(tokens.list("op.setda").getFirst().activeAt(Clock.now())).isFalse();

        assertThatThrownBy(() -> tokens.create("op.setda", "terlalu lama", 400)).hasMessageContaining("1 to 366 days");
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        users.add(operator("op.setda"), "rahasia-sekali-1", "local");
        Tokens.Created made = tokens.create("op.setda", "sebentar", 1);
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement()) {
            s.execute("UPDATE api_token SET expires_at = TIMESTAMP '2020-01-01 00:00:00'");
        }
        assertThat(tokens.authenticate(made.secret())).isEmpty();
    }

    @Test
    void the_audit_log_keeps_entries_latest_first_and_narrows_by_user_and_action() {
        audit.record("admin", "127.0.0.1", AuditLog.Action.SIGN_IN, "admin", null, AuditLog.Outcome.OK);
        audit.record(
                "tamu", "10.0.0.9", AuditLog.Action.SIGN_IN_FAILED, "tamu", "bad credentials", AuditLog.Outcome.FAILED);
        audit.record("admin", "127.0.0.1", AuditLog.Action.USER_ADDED, "op.setda", "operator_opd", AuditLog.Outcome.OK);

        assertThat(audit.latest(10, null, null))
                .extracting(AuditLog.Entry::action)
                .containsExactly("user_added", "sign_in_failed", "sign_in");
        assertThat(audit.latest(10, "tamu", null)).singleElement().satisfies(e -> {
            assertThat(e.ip()).isEqualTo("10.0.0.9");
            assertThat(e.outcome()).isEqualTo("failed");
            assertThat(e.at()).isNotNull();
        });
        assertThat(audit.latest(10, null, "sign_in")).hasSize(1);
    }

    @Test
    void roles_say_who_loads_what() {
        assertThat(Role.PIMPINAN.loads()).isFalse();
        assertThat(Role.INSPEKTORAT.loadsInto("akip_opd")).isTrue();
        assertThat(Role.INSPEKTORAT.loadsInto("realisasi_opd")).isFalse();
        assertThat(Role.OPERATOR_OPD.loadsInto("realisasi_opd")).isTrue();
        assertThat(Role.OPERATOR_OPD.loadsInto("akip_pemda")).isFalse();
        assertThat(Role.OPERATOR_OPD.confirmsInto("realisasi_opd")).isFalse();
        assertThat(Role.BAGIAN_ORGANISASI.editsSpecs()).isTrue();
        assertThat(Role.INSPEKTORAT.editsSpecs()).isFalse();
        assertThat(Role.of("bagian-organisasi")).isEqualTo(Role.BAGIAN_ORGANISASI);
        assertThatThrownBy(() -> Role.of("walikota")).hasMessageContaining("unknown role 'walikota'");
        assertThat(Scope.of(new Actor("a", Role.ADMIN, Set.of(), null, false, "password")))
                .isEqualTo(Scope.ALL);
        assertThat(Scope.of(new Actor("p", Role.PIMPINAN, Set.of("3275"), null, false, "password"))
                        .pemda())
                .containsExactly("3275");
    }
}
