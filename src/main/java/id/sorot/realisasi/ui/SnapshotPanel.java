package id.sorot.realisasi.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import id.sorot.base.ui.Panel;
import id.sorot.chart.EChart;
import id.sorot.chart.SnapshotChart;
import id.sorot.realisasi.RealisasiService;
import id.sorot.realisasi.RealisasiService.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The deviasi view's panel of realisasi over a year's snapshots, with the OPD it follows. */
final class SnapshotPanel {

    private SnapshotPanel() {}

    /**
     * Realisasi over the year's snapshots: the pemda's (when its anggaran makes a share of it) and
     * the chosen OPD's, by default the first of the table; choosing another OPD calls {@code onOpd}.
     */
    static Panel of(
            Component view,
            RealisasiService realisasi,
            String pemdaName,
            RealisasiService.Deviasi dev,
            String chosenOpd,
            Consumer<String> onOpd) {
        List<String> kodes = dev.rows().stream().map(Line::opdKode).toList();
        String opd = chosenOpd != null && kodes.contains(chosenOpd) ? chosenOpd : kodes.getFirst();
        String opdName = dev.rows().get(kodes.indexOf(opd)).opd();
        List<SnapshotChart.Curve> curves = new ArrayList<>();
        RealisasiService.Snapshots city = realisasi.overSnapshots(dev.pemdaKode(), dev.tahun(), null);
        curves.add(new SnapshotChart.Curve(pemdaName, city.perTanggal(), city.keuangan(), city.fisik()));
        RealisasiService.Snapshots one = realisasi.overSnapshots(dev.pemdaKode(), dev.tahun(), opd);
        curves.add(new SnapshotChart.Curve(opdName, one.perTanggal(), one.keuangan(), one.fisik()));
        Select<String> opdSelect = new Select<>();
        opdSelect.setId("snapshot-opd");
        opdSelect.setLabel(view.getTranslation("akip.col.opd"));
        opdSelect.setItems(kodes);
        opdSelect.setItemLabelGenerator(kd -> dev.rows().get(kodes.indexOf(kd)).opd());
        opdSelect.setValue(opd);
        opdSelect.addValueChangeListener(e -> {
            if (e.isFromClient()) onOpd.accept(e.getValue());
        });
        EChart chart = new EChart();
        chart.setId("snapshot-chart");
        chart.setHeight("320px");
        chart.setOption(SnapshotChart.option(curves, view::getTranslation));
        Span note =
                new Span(view.getTranslation("snapshot.note", dev.snapshots().size()));
        note.addClassName("sorot-note");
        Div controls = new Div(opdSelect);
        controls.addClassName("sorot-controls");
        return new Panel("deviasi-snapshot-panel")
                .heading(view.getTranslation("snapshot.title", opdName), pemdaName + ", " + dev.tahun())
                .source(view.getTranslation("deviasi.source"))
                .content(new Div(controls, chart, note));
    }
}
