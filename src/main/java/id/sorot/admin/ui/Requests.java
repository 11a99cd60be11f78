package id.sorot.admin.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinRequest;
import id.sorot.access.Access;
import id.sorot.access.UserAdmin;

/** Who asks, as the admin screens tell {@link UserAdmin}, and how they hear it refused. */
final class Requests {

    private Requests() {}

    /** The signed-in actor and their address; the screens are only reached signed in. */
    static UserAdmin.Who who() {
        VaadinRequest r = VaadinRequest.getCurrent();
        return new UserAdmin.Who(Access.current().orElseThrow(), r == null ? null : r.getRemoteAddr());
    }

    /** Runs a change; a refusal or a rule it breaks is shown, in the words the rule gave. */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (IllegalArgumentException | UserAdmin.Refused e) {
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("admin-error");
            return false;
        }
    }
}
