package id.sorot.access.web;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import id.sorot.base.ui.PublicPortal;

/**
 * The views' access rule: each view's own annotation, and for the public portal's visitor also the
 * dashboards the portal opens. One checker rather than two beside each other, because Vaadin
 * rejects a navigation that one checker allows and another denies; wrapped, the annotations stay
 * the rule for everyone signed in, and a page the portal does not name sends the visitor to the
 * sign-in page as before.
 */
final class PublicPortalAccess implements NavigationAccessChecker {

    private final NavigationAccessChecker views;
    private final PublicPortal portal;

    PublicPortalAccess(NavigationAccessChecker views, PublicPortal portal) {
        this.views = views;
        this.portal = portal;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        AccessCheckResult result = views.check(context);
        if (result.decision() == AccessCheckDecision.ALLOW || context.isErrorHandling()) return result;
        if (!portal.enabled() || !PublicPortal.visiting()) return result;
        Route route = context.getNavigationTarget().getAnnotation(Route.class);
        if (route == null || !portal.opens(route.value())) return result;
        // every visitor gets a session; a short one, so a stream of them holds little memory
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setMaxInactiveInterval(portal.sessionSeconds());
        }
        return context.allow();
    }
}
