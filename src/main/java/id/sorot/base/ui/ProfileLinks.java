package id.sorot.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** The way to an OPD's profile from anywhere: a link on its name, or a click on its bar. */
public final class ProfileLinks {

    /** The profile's route; the OPD kode follows it ({@code opd/1.04.02?tahun=2024}). */
    public static final String ROUTE = "opd";

    private ProfileLinks() {}

    public static String href(String opdKode, Integer tahun, String pemda) {
        StringBuilder s = new StringBuilder(ROUTE).append('/').append(opdKode);
        String query = UrlState.of("tahun", tahun, "pemda", pemda).getQueryString();
        if (!query.isEmpty()) s.append('?').append(query);
        return s.toString();
    }

    /**
     * A link that opens the profile inside the app (no page reload); for a public visitor of a portal
     * without the profile, the name without a link.
     */
    public static Component anchor(String opdKode, String text, Integer tahun, String pemda) {
        if (!PublicPortal.reaches(ROUTE)) return new Span(text);
        Anchor a = new Anchor(href(opdKode, tahun, pemda), text);
        a.getElement().setAttribute("router-link", true);
        a.addClassName("sorot-opd-link");
        return a;
    }

    public static void open(String opdKode, Integer tahun, String pemda) {
        if (!PublicPortal.reaches(ROUTE)) return;
        UI.getCurrent().navigate(ROUTE + "/" + opdKode, UrlState.of("tahun", tahun, "pemda", pemda));
    }
}
