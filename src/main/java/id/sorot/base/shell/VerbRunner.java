package id.sorot.base.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the verb the command line names, in the application {@link Shell} starts for it, and keeps
 * its exit code for {@link org.springframework.boot.SpringApplication#exit}. An unknown or missing
 * verb prints the usage of every verb and exits {@link Shell#USAGE}.
 */
@Component
@ConditionalOnProperty(Shell.VERB_PROPERTY)
class VerbRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<Verb> verbs;
    private int exitCode;

    VerbRunner(List<Verb> verbs) {
        this.verbs = verbs;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String name = words.isEmpty() ? "" : words.getFirst();
        Verb verb =
                verbs.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
        if (verb == null) {
            if (!name.isEmpty()) System.err.println("sorot: unknown command '" + name + "'");
            System.err.print(usage(verbs));
            exitCode = Shell.USAGE;
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : args.getOptionNames()) {
            List<String> values = args.getOptionValues(o);
            options.put(o, values.isEmpty() ? "true" : values.getLast());
        }
        exitCode = verb.run(words.subList(1, words.size()), options, System.out, System.err);
    }

    static String usage(List<Verb> verbs) {
        StringBuilder out = new StringBuilder("usage:\n");
        for (Verb v : verbs) out.append("  sorot ").append(v.usage()).append('\n');
        return out.toString();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
