package id.sorot.realisasi.ui;

import com.vaadin.flow.component.Component;
import id.sorot.base.ui.DataGrid;
import id.sorot.realisasi.RealisasiService.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Why a figure of the deviasi view is empty: which of the inputs it is derived from the source left
 * out ("sumber tidak memuat anggaran dan rencana keuangan"), said in the view's language.
 */
final class MissingInputs {

    private final Component view;

    MissingInputs(Component view) {
        this.view = view;
    }

    /**
     * Why some row lacks {@code figure} (realisasi_keuangan, or the deviasi measure keuangan, fisik,
     * keuangan_fisik), or null when every row has it.
     */
    String why(String figure, List<Line> rows) {
        return switch (figure) {
            case "realisasi_keuangan" ->
                reason(rows, Line::realisasiKeuangan, "anggaran", Line::anggaran, "realisasi_rp", Line::realisasiRp);
            case "fisik" ->
                reason(
                        rows,
                        Line::deviasiFisik,
                        "rencana_fisik",
                        Line::rencanaFisik,
                        "realisasi_fisik",
                        Line::realisasiFisik);
            case "keuangan_fisik" ->
                reason(
                        rows,
                        Line::selisihKeuanganFisik,
                        "anggaran",
                        Line::anggaran,
                        "realisasi_fisik",
                        Line::realisasiFisik);
            default ->
                reason(
                        rows,
                        Line::deviasiKeuangan,
                        "anggaran",
                        Line::anggaran,
                        "rencana_keuangan",
                        Line::rencanaKeuangan);
        };
    }

    /** Tells each column of the grid that some row lacks why it lacks it. */
    void explain(DataGrid<Line> grid, List<Line> rows) {
        explain(grid, "anggaran", rows, Line::anggaran, "anggaran");
        explain(grid, "rencana_keuangan", rows, Line::rencanaKeuangan, "rencana_keuangan");
        explain(grid, "rencana_fisik", rows, Line::rencanaFisik, "rencana_fisik");
        explain(grid, "realisasi_fisik", rows, Line::realisasiFisik, "realisasi_fisik");
        explainDerived(grid, "realisasi_keuangan", why("realisasi_keuangan", rows));
        explainDerived(grid, "deviasi_keuangan", why("keuangan", rows));
        explainDerived(grid, "deviasi_fisik", why("fisik", rows));
    }

    private static void explainDerived(DataGrid<Line> grid, String key, String why) {
        if (why != null) grid.unavailable(key, why);
    }

    private void explain(DataGrid<Line> grid, String key, List<Line> rows, Function<Line, Double> v, String input) {
        if (rows.stream().anyMatch(l -> v.apply(l) == null)) grid.unavailable(key, lacks(List.of(input)));
    }

    /**
     * The reason a derived figure is empty on some row: those of its inputs the source left out, or
     * null when every row has the figure.
     */
    private String reason(
            List<Line> rows,
            Function<Line, Double> figure,
            String firstInput,
            Function<Line, Double> first,
            String secondInput,
            Function<Line, Double> second) {
        List<Line> lacking = rows.stream().filter(l -> figure.apply(l) == null).toList();
        if (lacking.isEmpty()) return null;
        List<String> inputs = new ArrayList<>();
        if (lacking.stream().anyMatch(l -> first.apply(l) == null)) inputs.add(firstInput);
        if (lacking.stream().anyMatch(l -> second.apply(l) == null)) inputs.add(secondInput);
        return inputs.isEmpty() ? view.getTranslation("data.unavailable.some") : lacks(inputs);
    }

    private String lacks(List<String> inputs) {
        List<String> words = inputs.stream()
                .map(i -> view.getTranslation("deviasi.input." + i))
                .toList();
        return view.getTranslation("data.unavailable.lacks", String.join(view.getTranslation("data.and"), words));
    }
}
