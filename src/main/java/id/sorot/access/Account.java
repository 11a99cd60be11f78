package id.sorot.access;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A user as stored: who they are, what they may do and whether they may sign in now.
 *
 * @param passwordHash bcrypt; null for a user who signs in only through single sign-on
 * @param lockedUntil until when (UTC) sign-in is refused after too many failures, or null
 * @param source {@code local} or {@code oidc} (made at a first single sign-on)
 */
public record Account(
        long id,
        String username,
        String fullName,
        String passwordHash,
        Role role,
        Set<String> pemda,
        String opd,
        boolean opdOnly,
        boolean enabled,
        int failedSignIns,
        LocalDateTime lockedUntil,
        LocalDateTime createdAt,
        String source) {

    public Account {
        pemda = Set.copyOf(pemda);
    }

    public Actor actor(String via) {
        return new Actor(username, role, pemda, opd, opdOnly, via);
    }

    public boolean lockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
