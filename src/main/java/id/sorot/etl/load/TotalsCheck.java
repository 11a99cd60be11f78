package id.sorot.etl.load;

import id.sorot.etl.read.Amounts;
import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.IdNumbers;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.Record;
import id.sorot.rules.BandSet;
import id.sorot.rules.RuleService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks the source's own TOTAL rows (a sum, a mean, a ratio, a weighted mean, a difference, or the
 * band label of one of them) against what the data rows add up to. Every check is reported; one that
 * disagrees beyond its tolerance is also a problem when its total says it rejects the file.
 */
final class TotalsCheck {

    private final LayoutReader.Slots slots;
    private final Map<String, FieldType.Def> defs;
    private final Layout layout;
    private final Function<String, BandSet> bandSets;

    TotalsCheck(LayoutReader.Slots slots, Map<String, FieldType.Def> defs, Layout layout, RuleService rules) {
        this(slots, defs, layout, rules::bandSet);
    }

    TotalsCheck(
            LayoutReader.Slots slots,
            Map<String, FieldType.Def> defs,
            Layout layout,
            Function<String, BandSet> bandSets) {
        this.slots = slots;
        this.defs = defs;
        this.layout = layout;
        this.bandSets = bandSets;
    }

    List<LoadResult.Check> check(List<Record> totals, Sums sums, String file, Problems problems) {
        List<LoadResult.Check> out = new ArrayList<>();
        for (Record r : totals) {
            Layout.Total total = r.total;
            // a difference compares two figures this total checked before it
            Map<String, Double> computedByField = new HashMap<>();
            for (Map.Entry<String, Layout.Check> e : total.checks().entrySet()) {
                String field = e.getKey();
                Layout.Check c = e.getValue();
                Integer slot = slots.find(field);
                String raw = slot == null ? null : r.raw[slot];
                if (raw == null || Layout.clean(raw).isEmpty()) continue;
                if (c.kind().equals("band")) {
                    band(r, total, field, c, slot, raw, sums, file, problems, out);
                    continue;
                }
                boolean money = defs.get(field) != null && defs.get(field).type() == FieldType.MONEY;
                long reportedHundredths;
                try {
                    // a total is written like its column: in the column's unit, or with its own suffix
                    reportedHundredths = money && (layout.unitOf(field) != null || Amounts.hasSuffix(raw))
                            ? Amounts.hundredths(raw, layout.unitOf(field), layout.dashIsZero())
                            : IdNumbers.parseHundredths(raw, money, layout.dashIsZero());
                } catch (IdNumbers.NotANumber ex) {
                    problems.add(Problem.cell(file, r.row, r.column[slot], field, raw, ex.code, ex.args));
                    continue;
                }
                if (reportedHundredths == IdNumbers.MISSING) continue;
                double reported = reportedHundredths / 100.0;
                Double computed = computed(c, sums, computedByField);
                if (computed == null) continue;
                computedByField.put(field, computed);
                boolean agrees = Math.abs(reported - RuleService.round2(computed)) <= total.tolerance() + 1e-9;
                out.add(new LoadResult.Check(
                        total.name(),
                        field,
                        reported,
                        computed,
                        null,
                        null,
                        agrees,
                        c.kind() + (c.by() == null ? "" : "(" + c.of() + "," + c.by() + ")"),
                        r.row));
                if (!agrees && c.rejects(total)) {
                    problems.add(Problem.cell(
                            file,
                            r.row,
                            r.column[slot],
                            field,
                            raw,
                            "etl.error.total_mismatch",
                            total.name(),
                            IdNumbers.format(reportedHundredths),
                            IdNumbers.format(Math.round(computed * 100))));
                }
            }
        }
        return out;
    }

    private static Double computed(Layout.Check c, Sums sums, Map<String, Double> computedByField) {
        return switch (c.kind()) {
            case "sum" -> sums.field(c.of()).sum;
            case "mean" -> sums.field(c.of()).mean();
            case "ratio" -> {
                Sums.Acc by = sums.field(c.by());
                yield by.sum == 0 ? null : sums.field(c.of()).sum / by.sum * 100;
            }
            case "weighted" -> sums.weightedMean(c);
            case "difference" -> {
                Double a = computedByField.get(c.of());
                Double b = computedByField.get(c.by());
                yield a == null || b == null ? null : a - b;
            }
            default -> null;
        };
    }

    /** A label the total reports (a mutu, a predikat) against the one the band set gives the sum or mean. */
    private void band(
            Record r,
            Layout.Total total,
            String field,
            Layout.Check c,
            int slot,
            String raw,
            Sums sums,
            String file,
            Problems problems,
            List<LoadResult.Check> out) {
        Sums.Acc acc = sums.field(c.of());
        Double value = acc.count == 0 ? null : c.by().equals("sum") ? acc.sum : acc.sum / acc.count;
        BandSet band = bandSets.apply(c.band());
        String label = band.label(value);
        String reported = Layout.clean(raw);
        boolean agrees = label != null
                && (reported.equalsIgnoreCase(label) || reported.equalsIgnoreCase(String.valueOf(band.meaning(label))));
        out.add(new LoadResult.Check(total.name(), field, null, value, reported, label, agrees, band.version(), r.row));
        if (!agrees && c.rejects(total)) {
            problems.add(Problem.cell(
                    file,
                    r.row,
                    r.column[slot],
                    field,
                    raw,
                    "etl.error.total_label_mismatch",
                    total.name(),
                    reported,
                    label));
        }
    }
}
