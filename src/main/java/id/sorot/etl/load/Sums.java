package id.sorot.etl.load;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.LayoutReader;
import id.sorot.etl.read.Typed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the data rows of (part of) a file add up to, for the fields its TOTAL rows check: per field
 * the sum and count of values, and per weighted check the sum of value x weight and of the weights.
 * Each stretch of a file read in parallel keeps its own; they are added together at the end.
 */
final class Sums {

    /** A running total and how many values went into it. */
    static final class Acc {
        double sum;
        double count;

        Double mean() {
            return count == 0 ? null : sum / count;
        }
    }

    private final Map<String, Acc> fields = new HashMap<>();
    private final Map<String, Acc> weighted = new HashMap<>();
    private final List<Layout.Total> totals;
    private final LayoutReader.Slots slots;

    Sums(List<Layout.Total> totals, LayoutReader.Slots slots) {
        this.totals = totals;
        this.slots = slots;
        for (Layout.Total t : totals) {
            for (Layout.Check c : t.checks().values()) {
                if (c.kind().equals("difference")) continue;
                fields.put(c.of(), new Acc());
                if (c.by() != null && !c.kind().equals("band")) fields.put(c.by(), new Acc());
            }
        }
    }

    /** Adds one data record. */
    void add(Typed t) {
        for (Map.Entry<String, Acc> e : fields.entrySet()) {
            Integer slot = slots.find(e.getKey());
            Double v = slot == null ? null : numeric(t.get(slot));
            if (v != null) {
                e.getValue().sum += v;
                e.getValue().count += 1;
            }
        }
        for (Layout.Total total : totals) {
            for (Layout.Check c : total.checks().values()) {
                if (!c.kind().equals("weighted")) continue;
                Integer a = slots.find(c.of());
                Integer b = slots.find(c.by());
                Double v = a == null ? null : numeric(t.get(a));
                Double w = b == null ? null : numeric(t.get(b));
                if (v != null && w != null) {
                    Acc acc = weighted.computeIfAbsent(key(c), k -> new Acc());
                    acc.sum += v * w;
                    acc.count += w;
                }
            }
        }
    }

    /** Adds another stretch's sums to these. */
    void absorb(Sums other) {
        other.fields.forEach((k, v) -> {
            Acc mine = fields.get(k);
            mine.sum += v.sum;
            mine.count += v.count;
        });
        other.weighted.forEach((k, v) -> {
            Acc mine = weighted.computeIfAbsent(k, x -> new Acc());
            mine.sum += v.sum;
            mine.count += v.count;
        });
    }

    /** The sum and count of a field, or null when no total checks it. */
    Acc field(String name) {
        return fields.get(name);
    }

    /** The weighted mean of a weighted check, or null when no row had both value and weight. */
    Double weightedMean(Layout.Check check) {
        Acc acc = weighted.get(key(check));
        return acc == null || acc.count == 0 ? null : acc.sum / acc.count;
    }

    private static String key(Layout.Check c) {
        return c.of() + "|" + c.by();
    }

    private static Double numeric(Object v) {
        if (v instanceof Long h) return h / 100.0;
        if (v instanceof FieldType.PredikatNilai p) return p.hundredths() / 100.0;
        if (v instanceof FieldType.Quantity q) return q.value();
        if (v instanceof Integer i) return i.doubleValue();
        return null;
    }
}
