package id.sorot.base;

import java.nio.file.Path;

/** Sorot's settings as application.properties gives them, for tests that build parts without Spring. */
public final class Settings {

    private Settings() {}

    /** The defaults, with {@code etl/} and {@code cubes/} of this checkout and the store at {@code store}. */
    public static SorotProperties defaults(Path store) {
        return withHome(store, Path.of("."));
    }

    /** The defaults with {@code etl/} and {@code cubes/} of {@code home}. */
    public static SorotProperties withHome(Path store, Path home) {
        return new SorotProperties(
                store.toString(),
                home.toString(),
                false,
                "3275",
                256,
                new SorotProperties.Avatica(false, 0),
                new SorotProperties.Deviasi(-10, -5),
                new SorotProperties.Cube(8),
                true);
    }
}
