package id.sorot.base.ui;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The optional public portal ({@code sorot.public.*}): when on, a visitor who has not signed in
 * reads the named dashboards of the named pemda, read only, instead of being sent to the sign-in
 * page. Off unless configured. Never any upload, API or JDBC access; the panels' CSV/XLSX and the
 * meeting pack (which holds the tables) only with {@code table-exports}.
 *
 * @param enabled whether anonymous visitors see anything but the sign-in page
 * @param pemda the pemda (kode) whose rows they see; required when enabled
 * @param dashboards which dashboards they may open, by route: {@code akip}, {@code akip/lemah},
 *     {@code ikm}, {@code deviasi}, {@code opd} (the OPD profile), {@code pohon-kinerja}
 * @param tableExports whether they may download the panels' tables (CSV, XLSX) and meeting packs;
 *     the charts' PNG and SVG are always theirs
 * @param sessionSeconds how long a visitor's session lives without a request: short, since every
 *     visitor gets one; it must outlast Vaadin's heartbeat (300 s) to keep an open tab alive
 */
@ConfigurationProperties("sorot.public")
public record PublicPortal(
        @DefaultValue("false") boolean enabled,
        @DefaultValue List<String> pemda,

        @DefaultValue({"akip", "akip/lemah", "ikm", "deviasi", "opd"})
        List<String> dashboards,

        @DefaultValue("false") boolean tableExports,
        @DefaultValue("600") int sessionSeconds) {

    /** The dashboards that can be made public, by route; every other page needs a signed-in user. */
    public static final Set<String> PUBLISHABLE =
            Set.of("akip", "akip/lemah", "ikm", "deviasi", "opd", "pohon-kinerja", "pohon-kinerja/kesehatan");

    /** The authority every public visitor holds. */
    public static final String VISITOR = "ROLE_PUBLIC";

    /** The authority of a public visitor who may also download tables. */
    public static final String TABLES = "EXPORT_TABLES";

    /** Prefix of the authority a visitor holds for each published dashboard ({@code DASHBOARD_akip/lemah}). */
    public static final String DASHBOARD = "DASHBOARD_";

    public PublicPortal {
        pemda = clean(pemda);
        dashboards = clean(dashboards);
        if (enabled) {
            if (pemda.isEmpty()) {
                throw new IllegalArgumentException(
                        "sorot.public.pemda: name the pemda (kode, e.g. 3275) whose dashboards the public portal shows");
            }
            for (String d : dashboards) {
                if (!PUBLISHABLE.contains(d)) {
                    throw new IllegalArgumentException("sorot.public.dashboards: '" + d
                            + "' is not a dashboard that can be public (one of "
                            + String.join(", ", PUBLISHABLE.stream().sorted().toList()) + ")");
                }
            }
            if (sessionSeconds < 330) {
                throw new IllegalArgumentException("sorot.public.session-seconds: " + sessionSeconds
                        + " is shorter than Vaadin's 300 s heartbeat; an open tab would lose its session");
            }
        }
    }

    public static PublicPortal off() {
        return new PublicPortal(false, List.of(), List.of(), false, 600);
    }

    /** Whether an anonymous visitor may open the view routed at {@code route} ({@code opd/:kode} counts as {@code opd}). */
    public boolean opens(String route) {
        if (!enabled || route == null) return false;
        int param = route.indexOf("/:");
        return dashboards.contains(param < 0 ? route : route.substring(0, param));
    }

    /** Whether the current request is a public visitor's (not signed in, portal on). */
    public static boolean visiting() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a instanceof AnonymousAuthenticationToken && holds(a, VISITOR);
    }

    /**
     * Whether the current reader may open the dashboard routed at {@code route}: anyone signed in
     * (the route's own access rules still apply), a public visitor only to the published ones. Views
     * hide their links to the others instead of sending a visitor to the sign-in page.
     */
    public static boolean reaches(String route) {
        if (!visiting()) return true;
        return holds(SecurityContextHolder.getContext().getAuthentication(), DASHBOARD + route);
    }

    /** Whether the current reader may download tables: anyone signed in, a public visitor if configured. */
    public static boolean tablesExportable() {
        if (!visiting()) return true;
        return holds(SecurityContextHolder.getContext().getAuthentication(), TABLES);
    }

    private static boolean holds(Authentication a, String authority) {
        for (GrantedAuthority g : a.getAuthorities()) {
            if (authority.equals(g.getAuthority())) return true;
        }
        return false;
    }

    private static List<String> clean(Collection<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) out.add(v.strip());
            }
        }
        return List.copyOf(out);
    }
}
