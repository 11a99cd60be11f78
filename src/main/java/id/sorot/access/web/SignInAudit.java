package id.sorot.access.web;

import id.sorot.access.Access;
import id.sorot.access.AccessProperties;
import id.sorot.access.Actor;
import id.sorot.access.AuditLog;
import id.sorot.access.AuditLog.Action;
import id.sorot.access.AuditLog.Outcome;
import id.sorot.access.Users;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every sign-in, failed sign-in and sign-out in the audit log, with the client's address; failures
 * count towards the lock ({@code sorot.access.max-failures} in a row lock a user for
 * {@code lock-minutes}) and a success clears them. Token requests are not sign-ins: each is audited
 * by what it does.
 */
@Component
class SignInAudit {

    private final Users users;
    private final AuditLog audit;
    private final AccessProperties properties;
    private final int sessionSeconds;

    SignInAudit(
            Users users,
            AuditLog audit,
            AccessProperties properties,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.sessionSeconds = (int) sessionTimeout.toSeconds();
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication a = event.getAuthentication();
        users.signInSucceeded(a.getName());
        audit.record(a.getName(), ip(a), Action.SIGN_IN, a.getName(), via(a), Outcome.OK);
        // The sign-in page's session was short-lived; a signed-in one gets the server's timeout.
        HttpSession session = session();
        if (session != null) session.setMaxInactiveInterval(sessionSeconds);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication a = event.getAuthentication();
        if (!(a instanceof UsernamePasswordAuthenticationToken)) {
            // a single sign-on the provider or Sorot refused: no password to count, the reason kept
            audit.record(
                    "oidc",
                    ip(a),
                    Action.SIGN_IN_FAILED,
                    null,
                    event.getException().getClass().getSimpleName() + ": "
                            + event.getException().getMessage(),
                    Outcome.DENIED);
            return;
        }
        String name = String.valueOf(a.getName()).strip().toLowerCase(java.util.Locale.ROOT);
        boolean locked = event.getException() instanceof LockedException;
        if (!locked) users.signInFailed(name, properties.maxFailures(), properties.lockMinutes());
        audit.record(
                name,
                ip(a),
                Action.SIGN_IN_FAILED,
                name,
                event.getException().getClass().getSimpleName(),
                locked ? Outcome.DENIED : Outcome.FAILED);
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Authentication a = event.getAuthentication();
        if (a == null) return;
        audit.record(a.getName(), ip(a), Action.SIGN_OUT, a.getName(), null, Outcome.OK);
    }

    private static String via(Authentication a) {
        if (a.getPrincipal() instanceof Actor actor) return actor.via();
        return a.getPrincipal() instanceof Access.ActsAs p ? p.actor().via() : null;
    }

    private static String ip(Authentication a) {
        if (a.getDetails() instanceof WebAuthenticationDetails d) return d.getRemoteAddress();
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest().getRemoteAddr() : null;
    }

    private static HttpSession session() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest().getSession(false) : null;
    }
}
