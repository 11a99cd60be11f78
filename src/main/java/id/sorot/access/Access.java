package id.sorot.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request. Every web request has passed Spring Security before it reaches
 * a view or controller, so a request thread always has one; code that runs inside Sorot on its own
 * (start-up, the warm-up, sample loading, command-line verbs, tests) has none and is not limited.
 */
public final class Access {

    private Access() {}

    /** The signed-in actor (or the public visitor), or empty outside any request. */
    public static Optional<Actor> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) return Optional.empty();
        if (a.getPrincipal() instanceof Actor actor) return Optional.of(actor);
        if (a.getPrincipal() instanceof ActsAs p) return Optional.of(p.actor());
        if (a.getDetails() instanceof Actor actor) return Optional.of(actor);
        return Optional.of(NOBODY);
    }

    /** An authentication Sorot does not know (it should not happen): sees and does nothing. */
    static final Actor NOBODY = new Actor("anonim", Role.PIMPINAN, java.util.Set.of(), null, false, "anonymous");

    /** What the rows a reader may see are limited to. */
    public static Scope scope() {
        return current().map(Scope::of).orElse(Scope.ALL);
    }

    /** A principal that carries an actor (a signed-in user's details, an OIDC user). */
    public interface ActsAs {
        Actor actor();
    }
}
