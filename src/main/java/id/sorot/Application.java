package id.sorot;

import id.sorot.base.SorotProperties;
import id.sorot.base.shell.Shell;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Sorot's entry point: the web application, or a command-line verb ({@code sorot etl ...}) when the
 * first argument names one (see {@link Shell}).
 */
@SpringBootApplication
@EnableConfigurationProperties(SorotProperties.class)
public class Application {

    public static void main(String[] args) {
        // Arrow's netty allocator reaches a direct buffer's constructor by reflection (java.nio is
        // opened to it by the jar's manifest); a property, so it is set here rather than on the command line
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        if (Shell.isVerb(args)) {
            System.exit(Shell.run(args, Application.class));
        }
        SpringApplication.run(Application.class, args);
    }
}
