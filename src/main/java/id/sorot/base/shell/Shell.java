package id.sorot.base.shell;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Sorot for a command-line verb: no web server, beans made only when a verb asks for them (so
 * a verb that talks to a running server never opens, and locks, the store), quiet logs, no samples.
 * Command-line options still win over these defaults ({@code --sorot.home=...}).
 */
public final class Shell {

    /** The exit code of a command line that names no known verb, or gives it wrong arguments (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    static final String VERB_PROPERTY = "sorot.verb";

    private Shell() {}

    /** Whether a command line names a verb rather than starting the web application. */
    public static boolean isVerb(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs the verb the command line names in an application of {@code sources}; returns the exit code. */
    public static int run(String[] args, Class<?>... sources) {
        ConfigurableApplicationContext context = builder(sources)
                .lazyInitialization(true)
                .run(withDefaults(List.of(args), VERB_PROPERTY + "=" + args[0]));
        return SpringApplication.exit(context);
    }

    /**
     * Sorot without its web server on the given store, for verbs that open stores of their own (a
     * benchmark's); {@code extra} options override the defaults.
     */
    public static ConfigurableApplicationContext headless(Class<?> source, String store, String... extra) {
        List<String> args = new ArrayList<>();
        if (store != null) args.add("--sorot.store=" + store);
        args.addAll(List.of(extra));
        return builder(source).run(withDefaults(args));
    }

    private static SpringApplicationBuilder builder(Class<?>... sources) {
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false);
    }

    /**
     * The verb defaults as command-line options, which (unlike a builder's default properties) win
     * over application.properties; an option the command line gives itself is left as it is (given
     * twice, it would bind as a list).
     */
    private static String[] withDefaults(List<String> args, String... more) {
        List<String> defaults = new ArrayList<>(List.of(
                "logging.level.root=WARN",
                "sorot.load-samples=false",
                // Vaadin's configuration needs a web context; a verb has none
                "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                        + "com.vaadin.flow.spring.VaadinServletConfiguration"));
        defaults.addAll(List.of(more));
        List<String> out = new ArrayList<>(args);
        for (String d : defaults) {
            String key = d.substring(0, d.indexOf('='));
            if (args.stream().noneMatch(a -> a.startsWith("--" + key + "="))) out.add("--" + d);
        }
        return out.toArray(String[]::new);
    }
}
