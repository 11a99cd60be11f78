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
 * @param avatica JDBC access to the cubes for other tools (off unless enabled)
 * @param deviasi the early-warning thresholds of the deviasi dashboard
 * @param cube the cube layer's store connections
 * @param saveSpecs whether /impor may save a draft spec into etl/jobs: the one switch that guards
 *     writing job specs from the UI (until roles decide who may)
 */
@ConfigurationProperties("sorot")
public record SorotProperties(
        @DefaultValue("./data/sorot.duckdb") String store,
        @DefaultValue(".") String home,
        @DefaultValue("true") boolean loadSamples,
        @DefaultValue("3275") String pemda,
        @DefaultValue("256") int maxUploadMb,
        @DefaultValue Avatica avatica,
        @DefaultValue Deviasi deviasi,
        @DefaultValue Cube cube,
        @DefaultValue("true") boolean saveSpecs) {

    /**
     * @param port on 127.0.0.1; 0 picks a free one. Every JDBC client signs in with a personal access
     *     token as its password (HTTP Basic, any user name).
     */
    public record Avatica(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("8765") int port) {}

    /**
     * Deviasi below {@code merah} is red, from there below {@code kuning} yellow, else green (in
     * points; the provincial dashboards' -10 and -5 by default).
     */
    public record Deviasi(
            @DefaultValue("-10") double merah,
            @DefaultValue("-5") double kuning) {}

    /**
     * @param connections the most DuckDB connections the cube layer holds at once (each with its kept
     *     statements); a query beyond them waits for one to come back
     */
    public record Cube(@DefaultValue("8") int connections) {}

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
