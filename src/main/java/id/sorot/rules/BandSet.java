package id.sorot.rules;

import java.util.List;

/**
 * An ordered set of bands that labels a score (predikat from an AKIP nilai, mutu from an IKM).
 *
 * @param version stored beside every label this set computes
 */
public record BandSet(String name, String source, String version, List<Band> bands) {

    /** One band; {@code threshold} is null for the catch-all band at the end. */
    public record Band(String label, Double threshold, boolean inclusive, String meaning) {
        boolean admits(double value) {
            return threshold == null || (inclusive ? value >= threshold : value > threshold);
        }
    }

    /** The label of {@code value}, or null for a missing value. */
    public String label(Double value) {
        if (value == null || value.isNaN()) {
            return null;
        }
        for (Band band : bands) {
            if (band.admits(value)) {
                return band.label();
            }
        }
        return null;
    }

    public String meaning(String label) {
        return bands.stream()
                .filter(b -> b.label().equals(label))
                .findFirst()
                // a band may have no meaning in words (capaian_lkip's AA ... D): Optional holds no null
                .map(Band::meaning)
                .orElse(null);
    }

    /** Labels from best to worst. */
    public List<String> labels() {
        return bands.stream().map(Band::label).toList();
    }

    /** The band's rank, 0 for the best; -1 if unknown. Used to compare qualitative targets. */
    public int rank(String label) {
        return labels().indexOf(label);
    }

    /**
     * The band's place counted from the worst, 0 for the last band; -1 if unknown. Stored beside a
     * predikat given without a score, so a higher place ranks higher as a higher score does.
     */
    public int place(String label) {
        int rank = rank(label);
        return rank < 0 ? -1 : bands.size() - 1 - rank;
    }

    /** The label at a {@link #place}, or null outside the set. */
    public String atPlace(int place) {
        int rank = bands.size() - 1 - place;
        return rank >= 0 && rank < bands.size() ? bands.get(rank).label() : null;
    }

    /**
     * The same rule as a SQL CASE over {@code expression}, so cubes label in DuckDB exactly as Java
     * does. Labels are cast to VARCHAR: as bare literals SQL types them CHAR(2) and pads 'A' to 'A '.
     */
    public String sqlCase(String expression) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(expression).append(" IS NULL THEN NULL");
        for (Band band : bands) {
            if (band.threshold() == null) {
                sql.append(" ELSE CAST('").append(band.label()).append("' AS VARCHAR)");
                return sql.append(" END").toString();
            }
            sql.append(" WHEN ")
                    .append(expression)
                    .append(band.inclusive() ? " >= " : " > ")
                    .append(band.threshold())
                    .append(" THEN CAST('")
                    .append(band.label())
                    .append("' AS VARCHAR)");
        }
        return sql.append(" END").toString();
    }
}
