package id.sorot.base.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** One command-line verb, a bean: {@code sorot <name> <arguments> [--option=value]}. */
public interface Verb {

    /** The first word of the command line that picks this verb. */
    String name();

    /** One line for the usage text, after {@code sorot}. */
    String usage();

    /**
     * Runs the verb and returns its exit code ({@link Shell#USAGE} for wrong arguments).
     *
     * @param arguments the words after the verb's name
     * @param options every {@code --key=value} of the command line ({@code --flag} gives "true")
     */
    int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) throws Exception;
}
