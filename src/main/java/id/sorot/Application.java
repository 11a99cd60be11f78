package id.sorot;

import id.sorot.base.SorotProperties;
import id.sorot.cube.CubeBench;
import id.sorot.cube.CubeService;
import id.sorot.etl.EtlBench;
import id.sorot.etl.EtlCommand;
import id.sorot.etl.EtlService;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** Sorot's entry point: the web application, or a command-line verb ({@code etl}, {@code bench}) when one is given. */
@SpringBootApplication
@EnableConfigurationProperties(SorotProperties.class)
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("etl")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(EtlCommand.run(
                    rest, System.out, System.err, options -> (job, file, request, dryRun, locale, out, err) -> {
                        try (ConfigurableApplicationContext context = headless(options.get("store"))) {
                            return EtlCommand.direct(context.getBean(EtlService.class))
                                    .load(job, file, request, dryRun, locale, out, err);
                        }
                    }));
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("cubes")) {
            java.util.Map<String, String> options = options(Arrays.copyOfRange(args, 2, args.length));
            try {
                System.exit(CubeBench.run(
                        options, System.out, store -> headless(store.toString()).getBean(CubeService.class)));
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("dashboards")) {
            java.util.Map<String, String> options = options(Arrays.copyOfRange(args, 2, args.length));
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sorot-bench-dashboards-");
                int code;
                try (ConfigurableApplicationContext context = headless(
                        dir.resolve("bekasi.duckdb").toString(),
                        "--sorot.load-samples=true",
                        "--sorot.home=" + options.getOrDefault("home", "."))) {
                    code = DashboardBench.run(options, System.out, context);
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
                System.exit(code);
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("etl")) {
            java.util.Map<String, String> options = options(Arrays.copyOfRange(args, 2, args.length));
            try {
                System.exit(EtlBench.run(
                        options,
                        java.nio.file.Path.of(options.getOrDefault("home", ".")),
                        System.out,
                        paths -> headless(paths[1].toString(), "--sorot.home=" + paths[0], "--sorot.max-upload-mb=8192")
                                .getBean(EtlService.class)));
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
        }
        SpringApplication.run(Application.class, args);
    }

    static java.util.Map<String, String> options(String[] args) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--"))
                out.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return out;
    }

    /** Sorot without its web server, for command-line verbs that open the store themselves. */
    static ConfigurableApplicationContext headless(String store, String... extra) {
        // command-line arguments, unlike builder defaults, win over application.properties
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // Vaadin's configuration needs a web context; a command-line verb has none
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                        + "com.vaadin.flow.spring.VaadinServletConfiguration"));
        if (store != null) {
            args.add("--sorot.store=" + store);
        }
        args.addAll(java.util.List.of(extra));
        // a verb brings its own data unless it asks for the samples (a repeated option would bind as a list)
        if (args.stream().noneMatch(a -> a.startsWith("--sorot.load-samples="))) {
            args.add("--sorot.load-samples=false");
        }
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
