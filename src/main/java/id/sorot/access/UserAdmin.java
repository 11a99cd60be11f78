package id.sorot.access;

import id.sorot.access.AuditLog.Action;
import id.sorot.access.AuditLog.Outcome;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every change to users and tokens, from the admin screen, a user's own page or the command line:
 * who may make it is checked here, and each one (or its refusal) goes into the audit log with who
 * asked and from where. Users and tokens themselves know nothing of who asks.
 */
@Service
public class UserAdmin {

    private final Users users;
    private final Tokens tokens;
    private final AuditLog audit;

    public UserAdmin(Users users, Tokens tokens, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    /**
     * Who asks: a signed-in actor and their address, or the command line on the store's machine
     * (whoever may open the store file may change it anyway).
     */
    public record Who(Actor actor, String ip) {
        public static Who cli() {
            return new Who(null, null);
        }

        public String name() {
            return actor == null ? "cli" : actor.username();
        }

        boolean admin() {
            return actor == null || actor.role() == Role.ADMIN;
        }

        boolean is(String username) {
            return actor != null && actor.username().equals(username);
        }
    }

    /** A change refused to who asked: not theirs to make. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public Account add(Who who, Users.Draft draft, String password) {
        requireAdmin(who, Action.USER_ADDED, draft.username());
        return done(who, Action.USER_ADDED, draft.username(), () -> {
            Account a = users.add(draft, password, "local");
            return new Done<>(a, describe(a));
        });
    }

    public Account update(Who who, Users.Draft draft) {
        requireAdmin(who, Action.USER_CHANGED, draft.username());
        return done(who, Action.USER_CHANGED, draft.username(), () -> {
            Account before = users.require(draft.username());
            if (before.role() == Role.ADMIN && draft.role() != Role.ADMIN) keepAnAdmin(before);
            Account after = users.update(draft);
            return new Done<>(after, describe(before) + " -> " + describe(after));
        });
    }

    /** Sets a user's password (an admin's reset, or the command line). */
    public void resetPassword(Who who, String username, String password) {
        requireAdmin(who, Action.PASSWORD_CHANGED, username);
        done(who, Action.PASSWORD_CHANGED, username, () -> {
            users.passwd(username, password);
            return new Done<>(username, who.is(username) ? "own password" : "reset");
        });
    }

    /** A signed-in user's own new password, given the current one. */
    public void changeOwnPassword(Who who, String current, String password) {
        String username = who.name();
        Account a = users.require(username);
        if (a.passwordHash() == null || !users.encoder().matches(current, a.passwordHash())) {
            audit.record(
                    username, who.ip(), Action.PASSWORD_CHANGED, username, "wrong current password", Outcome.DENIED);
            throw new Refused("the current password is not right");
        }
        done(who, Action.PASSWORD_CHANGED, username, () -> {
            users.passwd(username, password);
            return new Done<>(username, "own password");
        });
    }

    public void setEnabled(Who who, String username, boolean enabled) {
        Action action = enabled ? Action.USER_ENABLED : Action.USER_DISABLED;
        requireAdmin(who, action, username);
        if (!enabled && who.is(username)) {
            audit.record(who.name(), who.ip(), action, username, "own account", Outcome.DENIED);
            throw new Refused("you cannot disable the account you are signed in with");
        }
        done(who, action, username, () -> {
            Account a = users.require(username);
            if (!enabled && a.role() == Role.ADMIN) keepAnAdmin(a);
            users.setEnabled(username, enabled);
            return new Done<>(username, null);
        });
    }

    /** A token for {@code username}: one's own, or anyone's for an admin. */
    public Tokens.Created createToken(Who who, String username, String name, int days) {
        requireSelfOrAdmin(who, Action.TOKEN_CREATED, username);
        return done(who, Action.TOKEN_CREATED, username, () -> {
            Tokens.Created t = tokens.create(username, name, days);
            return new Done<>(t, "token " + t.token().id() + " '" + t.token().name() + "', " + days + " days");
        });
    }

    public boolean revokeToken(Who who, String username, long tokenId) {
        requireSelfOrAdmin(who, Action.TOKEN_REVOKED, username);
        return done(who, Action.TOKEN_REVOKED, username, () -> {
            boolean revoked = tokens.revoke(username, tokenId);
            if (!revoked) throw new IllegalArgumentException("no active token " + tokenId + " of " + username);
            return new Done<>(true, "token " + tokenId);
        });
    }

    public List<Tokens.Token> tokens(Who who, String username) {
        if (!who.admin() && !who.is(username)) throw new Refused("only an admin sees another user's tokens");
        return tokens.list(username);
    }

    /** Refuses to leave the store without an enabled admin: nobody could manage users again but from the shell. */
    private void keepAnAdmin(Account leaving) {
        long others = users.list().stream()
                .filter(a -> a.role() == Role.ADMIN && a.enabled() && a.id() != leaving.id())
                .count();
        if (others == 0) throw new IllegalArgumentException(leaving.username() + " is the last enabled admin");
    }

    private void requireAdmin(Who who, Action action, String subject) {
        if (who.admin()) return;
        audit.record(who.name(), who.ip(), action, subject, "not an admin", Outcome.DENIED);
        throw new Refused("only an admin manages users");
    }

    private void requireSelfOrAdmin(Who who, Action action, String subject) {
        if (who.admin() || who.is(subject)) return;
        audit.record(who.name(), who.ip(), action, subject, "another user's token", Outcome.DENIED);
        throw new Refused("only an admin manages another user's tokens");
    }

    private record Done<T>(T value, String detail) {}

    private interface Change<T> {
        Done<T> make();
    }

    /** Makes a change and records it; a change the rules refuse is recorded as failed, with why. */
    private <T> T done(Who who, Action action, String subject, Change<T> change) {
        Done<T> d;
        try {
            d = change.make();
        } catch (IllegalArgumentException e) {
            audit.record(who.name(), who.ip(), action, subject, e.getMessage(), Outcome.FAILED);
            throw e;
        }
        audit.record(who.name(), who.ip(), action, subject, d.detail(), Outcome.OK);
        return d.value();
    }

    public static String describe(Account a) {
        StringBuilder s = new StringBuilder(a.role().key());
        s.append(a.pemda().isEmpty() ? ", every pemda" : ", pemda " + String.join(",", a.pemda()));
        if (a.opd() != null) s.append(", OPD ").append(a.opd()).append(a.opdOnly() ? " (sees only its OPD)" : "");
        return s.toString();
    }
}
