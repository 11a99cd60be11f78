package id.sorot.access;

import id.sorot.base.shell.Shell;
import id.sorot.base.shell.Verb;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code sorot user add|passwd|disable|enable|list}: the users of a store, from the machine that
 * holds it (the store must not be open in a running Sorot: DuckDB lets one process own it). A new
 * or reset password is printed once unless given with {@code --password}. Every change is in the
 * audit log as done by {@code cli}.
 */
@Component
final class UserVerb implements Verb {

    /** Made only when run: making it opens the store. */
    private final ObjectProvider<UserAdmin> admin;

    private final ObjectProvider<Users> users;

    UserVerb(ObjectProvider<UserAdmin> admin, ObjectProvider<Users> users) {
        this.admin = admin;
        this.users = users;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String usage() {
        return "user add <name> --role=pimpinan|bagian_organisasi|inspektorat|operator_opd|admin [--pemda=KODE[,KODE]]"
                + " [--opd=KODE] [--opd-only] [--nama=\"...\"] [--password=...]\n"
                + "       sorot user passwd <name> [--password=...]\n"
                + "       sorot user disable|enable <name>\n"
                + "       sorot user token <name> [--days=90] [--label=...]   (a personal access token, shown once)\n"
                + "       sorot user list";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) {
        String command = arguments.isEmpty() ? "" : arguments.getFirst();
        boolean named = arguments.size() == 2;
        try {
            switch (command) {
                case "add" -> {
                    if (!named || !options.containsKey("role")) return usage(err);
                    Users.Draft d = new Users.Draft(
                            arguments.get(1),
                            options.get("nama"),
                            Role.of(options.get("role")),
                            pemda(options.get("pemda")),
                            options.get("opd"),
                            "true".equals(options.get("opd-only")));
                    String password = options.getOrDefault("password", Users.randomPassword());
                    Account a = admin.getObject().add(UserAdmin.Who.cli(), d, password);
                    out.println("user " + a.username() + " added: " + describe(a));
                    if (!options.containsKey("password")) out.println("password: " + password);
                }
                case "passwd" -> {
                    if (!named) return usage(err);
                    String password = options.getOrDefault("password", Users.randomPassword());
                    admin.getObject().resetPassword(UserAdmin.Who.cli(), arguments.get(1), password);
                    out.println("password of " + arguments.get(1) + " changed");
                    if (!options.containsKey("password")) out.println("password: " + password);
                }
                case "disable", "enable" -> {
                    if (!named) return usage(err);
                    boolean enable = command.equals("enable");
                    admin.getObject().setEnabled(UserAdmin.Who.cli(), arguments.get(1), enable);
                    out.println("user " + arguments.get(1) + (enable ? " enabled" : " disabled"));
                }
                case "token" -> {
                    if (!named) return usage(err);
                    int days = Integer.parseInt(options.getOrDefault("days", "90"));
                    Tokens.Created t = admin.getObject()
                            .createToken(
                                    UserAdmin.Who.cli(),
                                    arguments.get(1),
                                    options.getOrDefault("label", "sorot user token"),
                                    days);
                    out.println("token for " + arguments.get(1) + " (valid " + days + " days; shown only now):");
                    out.println(t.secret());
                }
                case "list" -> {
                    if (arguments.size() != 1) return usage(err);
                    for (Account a : users.getObject().list()) {
                        out.println(a.username() + "\t" + describe(a) + (a.enabled() ? "" : "\tdisabled"));
                    }
                }
                default -> {
                    return usage(err);
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("sorot user: " + e.getMessage());
            return 1;
        }
    }

    private int usage(PrintStream err) {
        err.println("usage: sorot " + usage());
        return Shell.USAGE;
    }

    static Set<String> pemda(String option) {
        if (option == null || option.isBlank()) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(option.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(out::add);
        return out;
    }

    static String describe(Account a) {
        return UserAdmin.describe(a);
    }
}
