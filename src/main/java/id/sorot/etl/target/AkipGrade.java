package id.sorot.etl.target;

import id.sorot.etl.read.Typed;
import id.sorot.rules.BandSet;

/**
 * The predikat an AKIP row counts with. With a nilai, the one the pemda's band set gives it; without
 * (a province's list of predikat per pemda, an Inspektorat's list per OPD), the one reported. The
 * order ranks rows that have no nilai: the predikat's {@link BandSet#place}.
 */
record AkipGrade(String computed, String effective, int order) {

    /**
     * The grade of one row of an AKIP table, or null when the row gives no fact: neither nilai nor
     * predikat (an OPD not evaluated that year: a dash in a multi-year table), or, reported as a
     * problem, a nilai outside 0-100 or a predikat the band set does not have.
     */
    static AkipGrade read(Typed r, Target.Emit e, int nilai, int predikat, BandSet bands) {
        Long score = r.hundredths(nilai);
        String reported = r.text(predikat);
        if (score == null && reported == null) return null;
        if (score != null && (score < 0 || score > 10000)) {
            e.problem(r, nilai, "etl.error.out_of_range", 0, 100);
            return null;
        }
        AkipGrade grade = of(score, reported, bands);
        if (grade == null) {
            e.problem(
                    r,
                    predikat,
                    "etl.error.predikat_not_in_band_set",
                    reported,
                    bands.name(),
                    String.join(", ", bands.labels()));
        }
        return grade;
    }

    /** The grade of a row, or null when the reported predikat is not in the band set. */
    static AkipGrade of(Long hundredths, String reported, BandSet bands) {
        String computed = hundredths == null ? null : bands.label(hundredths / 100.0);
        String effective = computed != null ? computed : reported;
        int place = bands.place(effective);
        if (place < 0) return null;
        return new AkipGrade(computed, effective, place);
    }
}
