package id.sorot.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sorot's settings ({@code sorot.*}).
 *
 * @param store the DuckDB file
 * @param home the folder holding {@code etl/} and {@code cubes/}; relative paths in definition files
 *     resolve against it
 * @param loadSamples whether a new, empty store is filled with the bundled sample data
 * @param pemda the pemda (kode) dashboards open with
 * @param maxUploadMb the largest file the ETL accepts, in MiB
 */
@ConfigurationProperties("sorot")
public record SorotProperties(
        @DefaultValue("./data/sorot.duckdb") String store,
        @DefaultValue(".") String home,
        @DefaultValue("true") boolean loadSamples,
        @DefaultValue("3275") String pemda,
        @DefaultValue("256") int maxUploadMb) {

    // Paths stay strings until here: Spring would otherwise resolve them against the servlet context.
    public Path storeFile() {
        return Path.of(store).toAbsolutePath().normalize();
    }

    public Path homeDir() {
        return Path.of(home).toAbsolutePath().normalize();
    }

    public Path etlDir() {
        return homeDir().resolve("etl");
    }

    public Path cubesDir() {
        return homeDir().resolve("cubes");
    }
}
