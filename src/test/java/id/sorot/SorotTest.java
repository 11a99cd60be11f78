package id.sorot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
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
        properties = {
            "server.address=127.0.0.1",
            "sorot.avatica.enabled=true",
            "sorot.avatica.port=0",
            "sorot.avatica.token=" + SorotTest.AVATICA_TOKEN
        })
public abstract class SorotTest {

    protected static final Path STORE_DIR = tempDir();
    protected static final String AVATICA_TOKEN = "uji-token-sorot";

    @LocalServerPort
    protected int port;

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
