package id.sorot.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.PublicPortal;
import id.sorot.base.ui.UrlState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dashboard page: a heading, a row of controls, and content rebuilt from the URL on every
 * navigation. Controls never change the picture directly: they navigate to the URL of the new
 * picture, so links can be shared and the back button works.
 */
public abstract class Dashboard extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger timing = LoggerFactory.getLogger("id.sorot.ui.timing");

    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Div controls = new Div();
    private final Div body = new Div();
    private final com.vaadin.flow.component.button.Button pack = new com.vaadin.flow.component.button.Button();
    private String pageTitle = "Sorot";
    private String titleText = "";
    private String pemdaName;
    private Integer tahun;
    private final String defaultPemda;
    private String pemda;

    /** {@code defaultPemda}: the pemda shown when the URL names none (sorot.pemda). */
    protected Dashboard(String id, String defaultPemda) {
        this.defaultPemda = defaultPemda;
        setId(id);
        addClassName("sorot-view");
        title.addClassName("sorot-title");
        subtitle.addClassName("sorot-subtitle");
        controls.addClassName("sorot-controls");
        body.addClassName("sorot-body");
        Div heading = new Div(title, subtitle);
        pack.setText(getTranslation("pack.open"));
        pack.setId("pack-open");
        pack.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_CONTRAST);
        pack.addClickListener(e -> new MeetingPackDialog(this).open());
        Div tools = new Div(controls, pack);
        tools.addClassName("sorot-tools");
        Div header = new Div(heading, tools);
        header.addClassName("sorot-header");
        add(header, body);
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        long t0 = System.nanoTime();
        body.removeAll();
        pemdaName = null;
        tahun = null;
        QueryParameters params = event.getLocation().getQueryParameters();
        pemda = UrlState.text(params, "pemda").orElse(defaultPemda);
        show(params, event);
        Exports.decorate(this);
        // a meeting pack holds the panels' tables: not the public visitor's unless the portal allows them
        pack.setVisible(!panels().isEmpty() && PublicPortal.tablesExportable());
        timing.debug(
                "{} {} built in {} ms",
                getClass().getSimpleName(),
                event.getLocation().getPathWithQueryParameters(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Builds the picture the URL asks for. */
    protected abstract void show(QueryParameters params, BeforeEnterEvent event);

    protected void heading(String title, String subtitle) {
        this.title.setText(title);
        this.subtitle.setText(subtitle == null ? "" : subtitle);
        this.pageTitle = title + " · Sorot";
        this.titleText = title;
    }

    /** The kode of the pemda the URL names, else the default one. */
    protected String pemda() {
        return pemda;
    }

    /** The pemda as a URL parameter: left out (null) for the default, so shared links stay short. */
    protected String pemdaParam() {
        return defaultPemda.equals(pemda) ? null : pemda;
    }

    /** Which pemda and year the picture shows: the meeting pack's title page and file names. */
    protected void about(String pemdaName, Integer tahun) {
        this.pemdaName = pemdaName;
        this.tahun = tahun;
    }

    String title() {
        return titleText;
    }

    String pemdaName() {
        return pemdaName;
    }

    Integer tahun() {
        return tahun;
    }

    protected void controls(Component... components) {
        controls.removeAll();
        controls.add(components);
    }

    protected void content(Component... components) {
        body.add(components);
    }

    /**
     * The year the URL asks for when there is data for it, else the latest there is (null when
     * there is none), offered and selected in {@code select}.
     */
    protected static Integer year(QueryParameters params, Select<Integer> select, List<Integer> years) {
        select.setItems(years);
        Integer tahun = UrlState.integer(params, "tahun")
                .filter(years::contains)
                .orElse(years.isEmpty() ? null : years.getFirst());
        if (tahun != null) select.setValue(tahun);
        return tahun;
    }

    /** Side by side on a wide screen, one under the other on a laptop. */
    /**
     * The year the page shows (see {@link #year}), recorded with the pemda's name for the meeting
     * pack; with no data at all the page says so under its title, and this is null.
     */
    protected Integer yearShown(
            QueryParameters params,
            Select<Integer> select,
            List<Integer> years,
            String pemdaName,
            String titleKey,
            String emptyKey) {
        Integer tahun = year(params, select, years);
        if (tahun == null) heading(getTranslation(titleKey), getTranslation(emptyKey));
        else about(pemdaName, tahun);
        return tahun;
    }

    protected static Div columns(Component... components) {
        Div row = new Div(components);
        row.addClassName("sorot-columns");
        return row;
    }

    /**
     * Sets up one of the dashboard's filters: its id (tests and the meeting pack find it by that),
     * its label from the bundle, and what a user's pick does (server-side changes, as when the URL
     * sets it, do nothing).
     */
    protected <V, F extends Component & HasLabel & HasValue<?, V>> void filter(
            F field, String id, String labelKey, SerializableConsumer<V> picked) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) picked.accept(e.getValue());
        });
    }

    /** Opens this dashboard with other parameters, as a new entry in the browser's history. */
    protected void navigate(QueryParameters params) {
        UI.getCurrent().navigate(getClass(), params);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    /** Every panel on the page, top to bottom: what exports and the meeting pack offer. */
    public List<Panel> panels() {
        List<Panel> out = new ArrayList<>();
        collect(body, out);
        return out;
    }

    private static void collect(Component c, List<Panel> out) {
        if (c instanceof Panel p) {
            out.add(p);
            return;
        }
        Stream<Component> children = c.getChildren();
        children.forEach(ch -> collect(ch, out));
    }
}
