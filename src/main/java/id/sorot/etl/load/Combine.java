package id.sorot.etl.load;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.Problems;
import id.sorot.etl.read.Record;
import id.sorot.etl.read.Typed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes the rows of one fact one row, as {@link Layout.Combine} says: the parts of an OPD split by
 * funding source are held until the file ends, then each group is emitted once, its amounts added,
 * weighted fields averaged and shares recombined. A group in which two rows carry the same part
 * label (or none) is emitted row by row, so the duplicate check names them as it would without
 * {@code combine}. Rows are held in memory: combining layouts are read in one pass.
 */
final class Combine {

    /** Fields of these types say which fact a row is; rows equal in all of them are one fact's parts. */
    private static final Set<FieldType> IDENTITY =
            Set.of(FieldType.PEMDA, FieldType.OPD, FieldType.UNIT, FieldType.TAHUN, FieldType.TRIWULAN, FieldType.KODE);

    private record Part(Typed typed, String label) {}

    private final Layout.Combine spec;
    private final String file;
    private final Problems problems;
    private final LayoutReader.Slots slots;
    private final String[] names;
    private final int partSlot;
    /** By slot: whether the spec says how the field combines (sum, weighted, share_of). */
    private final boolean[] combines;

    private final int[] identity;
    private final Map<List<Object>, List<Part>> groups = new LinkedHashMap<>();
    private int combined;

    Combine(
            Layout.Combine spec,
            LayoutReader.Slots slots,
            Map<String, FieldType.Def> defs,
            String file,
            Problems problems) {
        this.spec = spec;
        this.file = file;
        this.problems = problems;
        this.slots = slots;
        this.names = slots.names();
        this.combines = new boolean[names.length];
        for (String f : spec.sum()) combines[slot(f)] = true;
        spec.weighted().keySet().forEach(f -> combines[slot(f)] = true);
        spec.shareOf().keySet().forEach(f -> combines[slot(f)] = true);
        this.partSlot = slot(spec.partField());
        List<Integer> id = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            if (s != partSlot && IDENTITY.contains(defs.get(names[s]).type())) id.add(s);
        }
        this.identity = id.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Cuts the part label out of the record's part cell (before the cell is read); returns the label. */
    String cut(Record r) {
        String[] rest = new String[1];
        String label = spec.label(r.raw[partSlot], rest);
        r.raw[partSlot] = rest[0];
        return label;
    }

    /** Holds a converted row until the file has been read. */
    void add(Typed t, String label) {
        List<Object> key = new ArrayList<>(identity.length + 1);
        for (int s : identity) key.add(t.get(s));
        // the part field names the fact too (an OPD's name once its label is cut)
        key.add(t.get(partSlot));
        groups.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Part(t, label));
    }

    /** Rows that became part of another: the load reports how many rows were combined. */
    int combined() {
        return combined;
    }

    /** Emits every group, combined where its parts are distinct, in the order the groups began. */
    void flush(Consumer<Typed> emit) {
        for (List<Part> parts : groups.values()) {
            if (parts.size() == 1 || !distinct(parts)) {
                parts.forEach(p -> emit.accept(p.typed));
                continue;
            }
            Typed one = merge(parts);
            if (one != null) {
                combined += parts.size() - 1;
                emit.accept(one);
            }
        }
        groups.clear();
    }

    private static boolean distinct(List<Part> parts) {
        Set<String> labels = new HashSet<>();
        for (Part p : parts) {
            if (p.label == null || !labels.add(p.label)) return false;
        }
        return true;
    }

    /** The parts as one record, or null when they cannot be one (the problem is recorded). */
    private Typed merge(List<Part> parts) {
        Typed first = parts.get(0).typed;
        Object[] values = new Object[names.length];
        for (int s = 0; s < names.length; s++) values[s] = first.get(s);
        boolean ok = true;
        for (String f : spec.sum()) ok &= sum(parts, slot(f), values);
        for (Map.Entry<String, String> w : spec.weighted().entrySet()) {
            ok &= weighted(parts, slot(w.getKey()), w.getValue(), values);
        }
        for (Map.Entry<String, String> w : spec.shareOf().entrySet()) {
            ok &= share(parts, slot(w.getKey()), slot(w.getValue()), values);
        }
        for (int s = 0; s < names.length; s++) {
            if (combines[s] || s == partSlot) continue;
            for (Part p : parts) {
                if (!Objects.equals(p.typed.get(s), first.get(s))) {
                    differs(parts, s);
                    ok = false;
                    break;
                }
            }
        }
        return ok ? first.with(values) : null;
    }

    private int slot(String field) {
        Integer s = slots.find(field);
        if (s == null)
            throw new IllegalStateException("combine names field " + field + ", which the load has no slot for");
        return s;
    }

    private boolean sum(List<Part> parts, int s, Object[] values) {
        long total = 0;
        for (Part p : parts) {
            Long v = p.typed.hundredths(s);
            if (v == null) return missing(parts, p, s);
            total = Math.addExact(total, v);
        }
        values[s] = total;
        return true;
    }

    private boolean weighted(List<Part> parts, int s, String by, Object[] values) {
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        boolean implied = by.startsWith(Layout.Combine.TOTAL_OF);
        int share = implied ? slot(by.substring(Layout.Combine.TOTAL_OF.length())) : slot(by);
        int amount = implied ? slot(spec.shareOf().get(names[share])) : -1;
        for (Part p : parts) {
            Long v = p.typed.hundredths(s);
            if (v == null) return missing(parts, p, s);
            BigDecimal w;
            if (implied) {
                // the part's total (an anggaran the source does not print) is amount / share
                Long a = p.typed.hundredths(amount);
                Long pct = p.typed.hundredths(share);
                if (a == null) return missing(parts, p, amount);
                if (pct == null || pct == 0) return missing(parts, p, share);
                w = BigDecimal.valueOf(a)
                        .multiply(BigDecimal.valueOf(10_000))
                        .divide(BigDecimal.valueOf(pct), 20, RoundingMode.HALF_UP);
            } else {
                Long x = p.typed.hundredths(share);
                if (x == null) return missing(parts, p, share);
                w = BigDecimal.valueOf(x);
            }
            num = num.add(BigDecimal.valueOf(v).multiply(w));
            den = den.add(w);
        }
        values[s] = den.signum() == 0
                ? null
                : num.divide(den, 0, RoundingMode.HALF_UP).longValueExact();
        return true;
    }

    /** share = amount / total x 100 per part, so the whole is sum(amount) / sum(amount / share) x 100. */
    private boolean share(List<Part> parts, int s, int of, Object[] values) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Part p : parts) {
            Long pct = p.typed.hundredths(s);
            Long a = p.typed.hundredths(of);
            if (pct == null) return missing(parts, p, s);
            if (a == null) return missing(parts, p, of);
            if (a == 0) continue;
            if (pct == 0) {
                problems.add(Problem.cell(
                        file,
                        p.typed.rowOf(s),
                        p.typed.column(s),
                        names[s],
                        p.typed.raw(s),
                        "etl.error.combine_share_zero",
                        names[of]));
                return false;
            }
            amount = amount.add(BigDecimal.valueOf(a));
            // pct is in hundredths of a point: total = a / (pct / 100 / 100)
            total = total.add(BigDecimal.valueOf(a)
                    .multiply(BigDecimal.valueOf(10_000))
                    .divide(BigDecimal.valueOf(pct), 20, RoundingMode.HALF_UP));
        }
        values[s] = total.signum() == 0
                ? null
                : amount.multiply(BigDecimal.valueOf(10_000))
                        .divide(total, 0, RoundingMode.HALF_UP)
                        .longValueExact();
        return true;
    }

    private boolean missing(List<Part> parts, Part p, int s) {
        problems.add(Problem.cell(
                file,
                p.typed.rowOf(s),
                p.typed.column(s),
                names[s],
                p.typed.raw(s) == null ? "" : p.typed.raw(s),
                "etl.error.combine_missing",
                rows(parts)));
        return false;
    }

    private void differs(List<Part> parts, int s) {
        Typed last = parts.get(parts.size() - 1).typed;
        List<String> raws = new ArrayList<>();
        for (Part p : parts) raws.add(p.typed.raw(s) == null ? "-" : p.typed.raw(s));
        problems.add(Problem.cell(
                file,
                last.rowOf(s),
                last.column(s),
                names[s],
                last.raw(s),
                "etl.error.combine_differs",
                rows(parts),
                String.join(" / ", raws)));
    }

    private static String rows(List<Part> parts) {
        List<String> out = new ArrayList<>();
        for (Part p : parts) out.add(String.valueOf(p.typed.row()));
        return String.join(", ", out);
    }
}
