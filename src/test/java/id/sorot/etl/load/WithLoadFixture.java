package id.sorot.etl.load;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests of a load's steps, each with a fresh {@link LoadFixture} in a temp folder. */
abstract class WithLoadFixture {

    @TempDir
    Path dir;

    LoadFixture fx;

    @BeforeEach
    void openFixture() {
        fx = new LoadFixture(dir);
    }

    @AfterEach
    void closeFixture() {
        fx.close();
    }
}
