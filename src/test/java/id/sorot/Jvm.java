package id.sorot;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM like this one: the same java, the same class path and the JVM flags this
 * one was started with (those a java -jar takes from the jar's manifest), for tests and benchmarks
 * that need a process of their own.
 */
public final class Jvm {

    private Jvm() {}

    /** {@code java [jvmOptions] <this JVM's flags> -cp <this class path> mainClass args...}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--") || a.startsWith("-Dio.netty"))
                .toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
