package id.sorot.access;

import id.sorot.access.AuditLog.Action;
import id.sorot.access.AuditLog.Outcome;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A user signing in through the pemda's identity provider: the provider says who they are and,
 * through claims, their role, pemda and OPD; the store keeps a user of source {@code oidc} made at
 * the first sign-in and brought in line at each later one (so a role changed at the provider holds
 * from the next sign-in). A provider cannot take over a local user, nor sign in one an admin
 * disabled; a missing or unknown role is refused, never guessed.
 */
@Service
public class SingleSignOn {

    private final Users users;
    private final AuditLog audit;
    private final OidcProperties claims;

    public SingleSignOn(Users users, AuditLog audit, OidcProperties claims) {
        this.users = users;
        this.audit = audit;
        this.claims = claims;
    }

    /** The account the claims sign in as; an IllegalArgumentException says why they cannot. */
    public Account signIn(Map<String, Object> token, String ip) {
        String username = text(token, claims.usernameClaim())
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() ->
                        new IllegalArgumentException("the identity provider sent no claim " + claims.usernameClaim()));
        String roleKey = text(token, claims.roleClaim())
                .orElseThrow(() -> new IllegalArgumentException(
                        "user " + username + ": the identity provider sent no claim " + claims.roleClaim()));
        Users.Draft draft = new Users.Draft(
                username,
                text(token, "name").orElse(null),
                Role.of(roleKey),
                list(token.get(claims.pemdaClaim())),
                text(token, claims.opdClaim()).orElse(null),
                text(token, claims.opdOnlyClaim()).map(Boolean::parseBoolean).orElse(false));
        Users.check(draft);
        Optional<Account> found = users.find(username);
        if (found.isEmpty()) {
            Account a = users.add(draft, null, "oidc");
            audit.record("oidc", ip, Action.USER_ADDED, username, UserAdmin.describe(a), Outcome.OK);
            return a;
        }
        Account a = found.get();
        if (!"oidc".equals(a.source())) {
            throw new IllegalArgumentException("user " + username
                    + " is a local user of Sorot; single sign-on cannot sign in as it (rename one of them)");
        }
        if (!a.enabled()) throw new IllegalArgumentException("user " + username + " is disabled in Sorot");
        if (!same(a, draft)) {
            Account after = users.update(draft);
            audit.record(
                    "oidc",
                    ip,
                    Action.USER_CHANGED,
                    username,
                    UserAdmin.describe(a) + " -> " + UserAdmin.describe(after),
                    Outcome.OK);
            return after;
        }
        return a;
    }

    private static boolean same(Account a, Users.Draft d) {
        return a.role() == d.role()
                && a.pemda().equals(d.pemda())
                && java.util.Objects.equals(a.opd(), d.opd())
                && a.opdOnly() == d.opdOnly()
                && java.util.Objects.equals(a.fullName(), d.fullName());
    }

    private static Optional<String> text(Map<String, Object> token, String claim) {
        Object v = token.get(claim);
        if (v == null || String.valueOf(v).isBlank()) return Optional.empty();
        return Optional.of(String.valueOf(v).strip());
    }

    /** A claim that is a list, or a comma-separated text. */
    private static Set<String> list(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v).strip()));
        } else if (claim != null) {
            Arrays.stream(String.valueOf(claim).split(",")).map(String::strip).forEach(out::add);
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
