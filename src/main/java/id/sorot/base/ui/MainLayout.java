package id.sorot.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * The frame around every view: title, navigation, language choice, who is signed in and the way
 * out. Any signed-in user gets it, and the public portal's visitor (with only the portal's
 * dashboards and a way in); each view says who may open it.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** The dashboards in the drawer: label key and route. */
    private static final String[][] DASHBOARDS = {
        {"nav.akip", "akip"},
        {"nav.weak", "akip/lemah"},
        {"nav.ikm", "ikm"},
        {"nav.deviasi", "deviasi"},
        {"nav.pohon", "pohon-kinerja"},
        {"nav.pohon.health", "pohon-kinerja/kesehatan"}
    };

    /** The roles that load files, who alone see "Impor data" (the view itself checks the same). */
    private static final String[] LOADERS = {"BAGIAN_ORGANISASI", "INSPEKTORAT", "OPERATOR_OPD", "ADMIN"};

    public MainLayout(AuthenticationContext authentication, PublicPortal portal) {
        boolean visiting = PublicPortal.visiting();
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span subtitle = new Span(getTranslation("app.subtitle"));
        subtitle.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");

        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(Translations.INDONESIAN, Translations.ENGLISH);
        language.setItemLabelGenerator(
                l -> getTranslation(l.getLanguage().equals("en") ? "app.language.en" : "app.language.id"));
        language.setValue(getLocale().getLanguage().equals("en") ? Translations.ENGLISH : Translations.INDONESIAN);
        language.setAriaLabel(getTranslation("app.language"));
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UiSetup.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, subtitle);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setFlexGrow(1, subtitle);
        Span user = new Span(visiting ? getTranslation("public.visitor") : signedIn(authentication));
        user.setId("signed-in-user");
        user.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
        // the public visitor's way in is the sign-in page; everyone else's way out is signing out
        Button signOut = visiting
                ? new Button(
                        getTranslation("public.sign-in"), e -> UI.getCurrent().navigate("masuk"))
                : new Button(getTranslation("signout"), e -> authentication.logout());
        signOut.setId(visiting ? "sign-in-link" : "sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout navbar = new HorizontalLayout(bar, language, user, signOut);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setFlexGrow(1, bar);
        navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        for (String[] page : DASHBOARDS) {
            if (!visiting || portal.opens(page[1])) nav.addItem(new SideNavItem(getTranslation(page[0]), page[1]));
        }
        if (!visiting) {
            if (authentication.hasAnyRole(LOADERS)) nav.addItem(new SideNavItem(getTranslation("nav.import"), "impor"));
            if (authentication.hasRole("ADMIN")) {
                nav.addItem(new SideNavItem(getTranslation("nav.users"), "admin/pengguna"));
                nav.addItem(new SideNavItem(getTranslation("nav.audit"), "admin/audit"));
            }
            nav.addItem(new SideNavItem(getTranslation("nav.account"), "akun"));
        }
        Div drawer = new Div(nav);
        drawer.getStyle().set("padding", "var(--lumo-space-s)");
        addToDrawer(drawer);
    }

    private String signedIn(AuthenticationContext authentication) {
        return authentication
                .getPrincipalName()
                .map(name -> getTranslation(
                        "signout.user",
                        name,
                        authentication.getGrantedRoles().stream()
                                .findFirst()
                                .map(r -> getTranslation("role." + r.toLowerCase(Locale.ROOT)))
                                .orElse("")))
                .orElse("");
    }
}
