package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sorot.SorotTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Other tools reach the cubes over JDBC with Avatica's remote driver, with the token. */
class AvaticaTest extends SorotTest {

    @Autowired
    CubeService cubes;

    private String url(String token, String serialization) {
        return "jdbc:avatica:remote:url=http://127.0.0.1:" + cubes.avaticaPort().orElseThrow() + ";serialization="
                + serialization + ";authentication=BASIC;avatica_user=analis;avatica_password=" + token;
    }

    @Test
    void cubes_are_sql_views_over_jdbc() throws Exception {
        for (String serialization : new String[] {"protobuf", "json"}) {
            try (Connection c = DriverManager.getConnection(url(AVATICA_TOKEN, serialization));
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
        try (Connection c = DriverManager.getConnection(url(AVATICA_TOKEN, "protobuf"));
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
                    try (Connection c = DriverManager.getConnection(url("salah", "protobuf"));
                            Statement s = c.createStatement()) {
                        s.executeQuery("SELECT 1");
                    }
                })
                // the remote driver reports the HTTP status as it is
                .hasStackTraceContaining("HTTP/401");
    }
}
