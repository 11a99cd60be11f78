package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.SorotTest;
import id.sorot.access.Role;
import id.sorot.access.Users;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Other tools reach the cubes over JDBC with Avatica's remote driver, signed in with a personal
 * access token: read only, the cubes only, the rows of the token owner's pemda.
 */
class AvaticaTest extends SorotTest {

    @Autowired
    CubeService cubes;

    @Autowired
    Users users;

    private String url(String token, String serialization) {
        return "jdbc:avatica:remote:url=http://127.0.0.1:" + cubes.avaticaPort().orElseThrow() + ";serialization="
                + serialization + ";authentication=BASIC;avatica_user=analis;avatica_password=" + token;
    }

    @Test
    void cubes_are_sql_views_over_jdbc() throws Exception {
        for (String serialization : new String[] {"protobuf", "json"}) {
            try (Connection c = DriverManager.getConnection(url(token(Role.PIMPINAN), serialization));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT \"opd\", \"nilai\" FROM \"cubes\".\"akip_opd\""
                            + " WHERE \"tahun\" = 2024 ORDER BY \"nilai\" DESC LIMIT 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("BAPPELITBANGDA");
                assertThat(rs.getDouble(2)).isEqualTo(85.02);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("DPMPTSP");
            }
        }
        try (Connection c = DriverManager.getConnection(url(token(Role.PIMPINAN), "protobuf"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM cubes.ikm_unit WHERE mutu IS DISTINCT FROM mutu_dilaporkan")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(23);
        }
    }

    @Test
    void a_wrong_token_is_refused() {
        assertThatThrownBy(() -> {
                    try (Connection c = DriverManager.getConnection(url("sorot_salah", "protobuf"));
                            Statement s = c.createStatement()) {
                        s.executeQuery("SELECT 1");
                    }
                })
                // the remote driver reports the HTTP status as it is
                .hasStackTraceContaining("HTTP/401");
    }

    @Test
    void only_select_on_the_cubes_runs_and_the_connection_lives_on() throws Exception {
        try (Connection c = DriverManager.getConnection(url(token(Role.ADMIN), "protobuf"))) {
            for (String refused : new String[] {
                "UPDATE cubes.akip_opd SET nilai = 99 WHERE opd = 'DISDIK'",
                // the UPDATE with a subquery that once threw an AssertionError and dropped the connection
                "UPDATE store.fact_akip_opd SET nilai = (SELECT max(nilai) FROM store.fact_akip_opd)",
                "DELETE FROM store.fact_akip_opd",
                "INSERT INTO store.app_user (user_id) VALUES (99)",
                "CREATE TABLE x (a INT)",
                "SELECT * FROM store.app_user",
                "SELECT count(*) FROM \"store\".\"fact_akip_opd\"",
                "SELECT * FROM cubes.akip_opd WHERE opd IN (SELECT username FROM store.app_user)",
                "SELECT * FROM TABLE(\"store\".\"read_csv\"('/etc/passwd'))",
                "EXPLAIN PLAN FOR SELECT * FROM cubes.akip_opd"
            }) {
                assertThatThrownBy(() -> run(c, s -> s.executeQuery(refused)))
                        .as(refused)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only");
            }
            // still answering on the same connection
            run(c, s -> {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM akip_opd WHERE tahun = 2024")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(44);
                }
            });
        }
        try (Connection c = DriverManager.getConnection(url(token(Role.ADMIN), "json"))) {
            // Avatica words a failed prepare as its own; the server's reason travels in the remote stack trace
            assertThatThrownBy(() -> c.prepareStatement("DELETE FROM store.batch"))
                    .hasStackTraceContaining("Sorot's JDBC is read-only");
        }
    }

    @Test
    void a_token_sees_only_its_owners_rows() throws Exception {
        if (users.find("uji-bengkulu").isEmpty()) {
            users.add(
                    new Users.Draft("uji-bengkulu", "Uji Bengkulu Selatan", Role.PIMPINAN, Set.of("1701"), null, false),
                    PASSWORD,
                    "local");
        }
        if (users.find("uji-disdik").isEmpty()) {
            users.add(
                    new Users.Draft("uji-disdik", "Uji DISDIK", Role.OPERATOR_OPD, Set.of(BEKASI), DISDIK, true),
                    PASSWORD,
                    "local");
        }
        String bengkulu = tokens.create("uji-bengkulu", "jdbc", 1).secret();
        String disdik = tokens.create("uji-disdik", "jdbc", 1).secret();
        String sql = "SELECT count(DISTINCT opd) FROM akip_opd WHERE tahun = 2024 AND pemda_kode = '3275'";
        assertThat(count(token(Role.PIMPINAN), sql)).isEqualTo(44);
        assertThat(count(bengkulu, sql))
                .as("another pemda's rows, whatever the filter")
                .isZero();
        assertThat(count(disdik, "SELECT count(DISTINCT opd) FROM akip_opd WHERE tahun = 2024"))
                .isEqualTo(1);
    }

    private long count(String token, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url(token, "protobuf"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(Connection c, ThrowingConsumer<Statement> work) throws Exception {
        try (Statement s = c.createStatement()) {
            work.accept(s);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
