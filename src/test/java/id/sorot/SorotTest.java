package id.sorot;

import id.sorot.access.Role;
import id.sorot.access.Tokens;
import id.sorot.access.Users;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the whole of Sorot: a real DuckDB file in a fresh temp folder, filled
 * from the sample data on start, real Calcite, and real HTTP on a free port of 127.0.0.1. Every
 * subclass shares the one application context (and store). Tagged "app": the fast tier
 * ({@code ./sorot test unit}) leaves these out.
 */
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "sorot.avatica.enabled=true", "sorot.avatica.port=0"})
public abstract class SorotTest {

    protected static final Path STORE_DIR = tempDir();

    /** Every test user's password (at least 10 characters, as Users asks). */
    protected static final String PASSWORD = "kata-sandi-uji";
    /** Kota Bekasi's kode, the pemda of every test user but the admin. */
    protected static final String BEKASI = "3275";
    /** DISDIK's kode, the OPD of the test operator. */
    protected static final String DISDIK = "1.01.01";

    private static final Map<Role, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    private Users users;

    @Autowired
    protected Tokens tokens;

    /**
     * The test user of a role, made through the same code an admin uses, once for the shared store:
     * {@code uji-<role>} of Kota Bekasi (the admin: every pemda; the operator: DISDIK's).
     */
    protected String user(Role role) {
        String name = "uji-" + role.key().replace('_', '-');
        synchronized (SorotTest.class) {
            if (users.find(name).isEmpty()) {
                users.add(
                        new Users.Draft(
                                name,
                                "Uji " + role.key(),
                                role,
                                role == Role.ADMIN ? Set.of() : Set.of(BEKASI),
                                role == Role.OPERATOR_OPD ? DISDIK : null,
                                false),
                        PASSWORD,
                        "local");
            }
        }
        return name;
    }

    /** A personal access token of the role's test user. */
    protected String token(Role role) {
        return TOKENS.computeIfAbsent(
                role, r -> tokens.create(user(r), "uji", 30).secret());
    }

    /** A request to Sorot's API as the test user of {@code role} (Bearer token). */
    protected HttpRequest.Builder api(String path, Role role) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token(role));
    }

    /** The same as the admin, who may do everything everywhere. */
    protected HttpRequest.Builder api(String path) {
        return api(path, Role.ADMIN);
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("sorot.store", () -> STORE_DIR.resolve("sorot.duckdb").toString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sorot-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
