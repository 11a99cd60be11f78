package id.sorot;

import id.sorot.access.AccessProperties;
import id.sorot.access.OidcProperties;
import id.sorot.base.SorotProperties;
import id.sorot.base.shell.Shell;
import id.sorot.base.ui.PublicPortal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Sorot's entry point: the web application, or a command-line verb ({@code sorot etl ...}) when the
 * first argument names one (see {@link Shell}).
 */
@SpringBootApplication
@EnableConfigurationProperties({SorotProperties.class, AccessProperties.class, OidcProperties.class, PublicPortal.class
})
public class Application {

    public static void main(String[] args) {
        // Arrow's netty allocator needs netty's Unsafe buffers, which netty 4.2 turns off on JDK 25 unless
        // asked for, and reaches a direct buffer's constructor by reflection (java.nio is opened to it
        // by the jar's manifest). Properties, so they are set here rather than on the command line.
        setIfAbsent("io.netty.noUnsafe", "false");
        setIfAbsent("io.netty.tryReflectionSetAccessible", "true");
        if (Shell.isVerb(args)) {
            System.exit(Shell.run(args, Application.class));
        }
        SpringApplication.run(Application.class, args);
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }
}
