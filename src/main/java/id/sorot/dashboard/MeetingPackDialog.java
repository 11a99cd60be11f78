package id.sorot.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.sorot.base.ui.Panel;
import id.sorot.export.Pack;
import id.sorot.export.PdfPack;
import id.sorot.export.PptxPack;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the charts and tables of the dashboard (all by default) and makes them a PDF (A4
 * landscape) or PPTX (16:9). Charts come from the browser exactly as drawn on the page; the
 * documents are written here, offline.
 */
final class MeetingPackDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(MeetingPackDialog.class);

    private final Dashboard dashboard;
    private final List<Panel> panels;
    private final CheckboxGroup<Panel> pick = new CheckboxGroup<>();
    private final Button pdf = new Button();
    private final Button pptx = new Button();
    private final Span status = new Span();
    private final Anchor file = new Anchor();

    MeetingPackDialog(Dashboard dashboard) {
        this.dashboard = dashboard;
        this.panels = dashboard.panels().stream()
                .filter(p -> Exports.chart(p).isPresent() || Exports.grid(p).isPresent())
                .toList();
        setId("pack-dialog");
        setHeaderTitle(getTranslation("pack.title"));
        setWidth("min(40rem, 95vw)");

        pick.setId("pack-pick");
        pick.setLabel(getTranslation("pack.pick"));
        pick.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        pick.setItems(panels);
        pick.setItemLabelGenerator(p -> p.title() + (p.subtitle().isBlank() ? "" : " · " + p.subtitle()));
        pick.setValue(new LinkedHashSet<>(panels));

        pdf.setText(getTranslation("pack.pdf"));
        pdf.setId("pack-pdf");
        pdf.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pdf.addClickListener(e -> build(true));
        pptx.setText(getTranslation("pack.pptx"));
        pptx.setId("pack-pptx");
        pptx.addClickListener(e -> build(false));
        Button close = new Button(getTranslation("pack.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        status.setId("pack-status");
        file.setId("pack-file");
        file.getElement().setAttribute("router-ignore", true);
        file.setVisible(false);
        add(pick, status, file);
        getFooter().add(close, pptx, pdf);
    }

    private void build(boolean asPdf) {
        List<Panel> chosen = panels.stream().filter(pick.getValue()::contains).toList();
        if (chosen.isEmpty()) {
            status.setText(getTranslation("pack.none"));
            return;
        }
        pdf.setEnabled(false);
        pptx.setEnabled(false);
        file.setVisible(false);
        status.setText(getTranslation("pack.working"));
        UI ui = UI.getCurrent();
        // each panel: its chart as drawn (from the browser), then its table
        List<CompletableFuture<List<Pack.Page>>> parts = new ArrayList<>();
        for (Panel panel : chosen) {
            CompletableFuture<List<Pack.Page>> chart = Exports.chart(panel)
                    .map(c -> c.png()
                            .thenApply(png -> List.<Pack.Page>of(
                                    new Pack.Chart(panel.title(), panel.subtitle(), panel.sourceText(), png))))
                    .orElse(CompletableFuture.completedFuture(List.of()));
            parts.add(chart.thenApply(pages -> {
                List<Pack.Page> all = new ArrayList<>(pages);
                Exports.grid(panel).ifPresent(g -> all.add(new Pack.Grid(Exports.table(dashboard, panel, g))));
                return all;
            }));
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .whenComplete((done, error) -> ui.access(() -> {
                    try {
                        if (error != null) throw error;
                        List<Pack.Page> pages = new ArrayList<>();
                        parts.forEach(p -> pages.addAll(p.join()));
                        offer(asPdf, pack(pages));
                    } catch (Throwable t) {
                        log.warn("meeting pack failed", t);
                        status.setText(getTranslation("pack.failed"));
                    } finally {
                        pdf.setEnabled(true);
                        pptx.setEnabled(true);
                    }
                }));
    }

    private Pack pack(List<Pack.Page> pages) {
        Integer tahun = dashboard.tahun();
        return new Pack(
                dashboard.pemdaName() == null ? "" : dashboard.pemdaName(),
                dashboard.title(),
                tahun == null ? "" : getTranslation("pack.period", String.valueOf(tahun)),
                Exports.when(dashboard, "d MMMM yyyy"),
                Exports.stamp(dashboard),
                getTranslation("pack.continued"),
                getTranslation("pack.page"),
                pages);
    }

    private void offer(boolean asPdf, Pack pack) {
        long t0 = System.nanoTime();
        byte[] bytes = asPdf ? PdfPack.write(pack) : PptxPack.write(pack);
        String name = "sorot-" + dashboard.getId().orElse("dashboard")
                + (dashboard.tahun() == null ? "" : "-" + dashboard.tahun())
                + (asPdf ? ".pdf" : ".pptx");
        String type =
                asPdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        log.debug("{} with {} pages written in {} ms", name, pack.pages().size(), (System.nanoTime() - t0) / 1_000_000);
        file.setHref(DownloadHandler.fromInputStream(
                event -> new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length)));
        file.setText(getTranslation("pack.again", name));
        file.setVisible(true);
        status.setText(getTranslation("pack.ready", pack.pages().size()));
        file.getElement().executeJs("this.click()");
    }
}
