package id.sorot.bench;

import id.sorot.Application;
import id.sorot.base.shell.Shell;

/** Runs {@code sorot bench ...} on the test class path, where the benchmarks live. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        String[] verb = new String[args.length + 1];
        verb[0] = "bench";
        System.arraycopy(args, 0, verb, 1, args.length);
        System.exit(Shell.run(verb, Application.class, BenchVerb.class));
    }
}
