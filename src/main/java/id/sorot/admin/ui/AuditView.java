package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.sorot.access.AuditLog;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.export.Table;
import id.sorot.export.TableFiles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /admin/audit}: the audit log, latest first, narrowed by user and action; the same rows
 * (up to {@link #EXPORT_LIMIT}) as CSV or XLSX, written when clicked.
 */
@RolesAllowed("ADMIN")
@Route("admin/audit")
class AuditView extends Div implements HasDynamicTitle {

    static final int SHOWN = 500;
    static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private final AuditLog audit;
    private final TextField user = new TextField();
    private final Select<String> action = new Select<>();
    private final DataGrid<AuditLog.Entry> grid = new DataGrid<>("audit");
    private final Paragraph count = new Paragraph();

    AuditView(AuditLog audit) {
        this.audit = audit;
        setId("audit-view");
        getStyle().set("padding", "var(--lumo-space-m)");
        user.setLabel(getTranslation("audit.user"));
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        user.addValueChangeListener(e -> refresh());
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        List<String> actions = new ArrayList<>(List.of(""));
        Arrays.stream(AuditLog.Action.values()).map(AuditLog.Action::key).forEach(actions::add);
        action.setItems(actions);
        action.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("audit.action.all") : label(a));
        action.setValue("");
        action.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(user, action, download("csv"), download("xlsx"));
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setAllRowsVisible(false);
        grid.setHeight("calc(100vh - 16em)");
        grid.column("at", getTranslation("audit.at"), Kind.TEXT, e -> e.at().format(SECONDS))
                .setWidth("10.5rem")
                .setFlexGrow(0);
        grid.column("user", getTranslation("audit.user"), Kind.TEXT, AuditLog.Entry::username)
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.column("ip", "IP", Kind.TEXT, AuditLog.Entry::ip).setWidth("7rem").setFlexGrow(0);
        grid.column("action", getTranslation("audit.action"), Kind.TEXT, e -> label(e.action()))
                .setWidth("13rem")
                .setFlexGrow(0);
        grid.column("subject", getTranslation("audit.subject"), Kind.TEXT, AuditLog.Entry::subject)
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.column(
                        "outcome",
                        getTranslation("audit.outcome"),
                        Kind.TEXT,
                        e -> getTranslation("audit.outcome." + e.outcome()))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        grid.column("detail", getTranslation("audit.detail"), Kind.TEXT, AuditLog.Entry::detail)
                .setFlexGrow(1)
                .setTooltipGenerator(AuditLog.Entry::detail);
        count.setId("audit-count");
        add(new H2(getTranslation("audit.title")), filters, count, grid);
        refresh();
    }

    private String label(String key) {
        String t = getTranslation("audit.action." + key);
        return t.startsWith("!") ? key : t;
    }

    private List<AuditLog.Entry> rows(int limit) {
        return audit.latest(limit, user.getValue(), action.getValue());
    }

    private void refresh() {
        List<AuditLog.Entry> rows = rows(SHOWN + 1);
        boolean more = rows.size() > SHOWN;
        grid.setRows(more ? rows.subList(0, SHOWN) : rows);
        count.setText(getTranslation(more ? "audit.count.more" : "audit.count", Math.min(rows.size(), SHOWN)));
    }

    private Anchor download(String type) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = type.equals("csv") ? TableFiles.csv(table()) : TableFiles.xlsx(table());
            String name = "audit-sorot-"
                    + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + "."
                    + type;
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes),
                    name,
                    type.equals("csv")
                            ? "text/csv; charset=UTF-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes.length);
        });
        Anchor a = new Anchor(handler, "");
        a.getElement().setAttribute("router-ignore", true);
        a.setId("audit-" + type);
        a.add(new Button(type.toUpperCase(java.util.Locale.ROOT)));
        return a;
    }

    /** Every matching row, with the raw time and the action's key as well as its words. */
    Table table() {
        List<AuditLog.Entry> rows = rows(EXPORT_LIMIT);
        List<Table.Column> columns = List.of(
                new Table.Column(getTranslation("audit.at") + " (UTC)", Table.Format.TEXT),
                new Table.Column(getTranslation("audit.user"), Table.Format.TEXT),
                new Table.Column("IP", Table.Format.TEXT),
                new Table.Column(getTranslation("audit.action.key"), Table.Format.TEXT),
                new Table.Column(getTranslation("audit.action"), Table.Format.TEXT),
                new Table.Column(getTranslation("audit.subject"), Table.Format.TEXT),
                new Table.Column(getTranslation("audit.outcome"), Table.Format.TEXT),
                new Table.Column(getTranslation("audit.detail"), Table.Format.TEXT));
        List<List<Object>> values = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        for (AuditLog.Entry e : rows) {
            List<String> s = Arrays.asList(
                    e.at().format(SECONDS),
                    e.username(),
                    e.ip(),
                    e.action(),
                    label(e.action()),
                    e.subject(),
                    e.outcome(),
                    e.detail());
            values.add(new ArrayList<>(s));
            shown.add(s.stream().map(v -> v == null ? "" : v).toList());
        }
        String exported = LocalDateTime.now(ZoneOffset.UTC).format(SECONDS) + " UTC";
        return new Table(getTranslation("audit.title"), filterText(), "Sorot", exported, columns, values, shown);
    }

    private String filterText() {
        List<String> parts = new ArrayList<>();
        if (!user.getValue().isBlank())
            parts.add(getTranslation("audit.user") + ": " + user.getValue().strip());
        if (!action.getValue().isEmpty()) parts.add(getTranslation("audit.action") + ": " + label(action.getValue()));
        return String.join(" · ", parts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Sorot";
    }
}
