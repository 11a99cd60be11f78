package id.sorot.etl.target;

import id.sorot.rules.BandSet;

/**
 * The predikat an AKIP row counts with. With a nilai, the one the pemda's band set gives it; without
 * (a province's list of predikat per pemda, an Inspektorat's list per OPD), the one reported. The
 * order ranks rows that have no nilai: 0 for the worst band, one more for each band above.
 */
record AkipGrade(String computed, String effective, int order) {

    /** The grade of a row, or null when the reported predikat is not in the band set. */
    static AkipGrade of(Long hundredths, String reported, BandSet bands) {
        String computed = hundredths == null ? null : bands.label(hundredths / 100.0);
        String effective = computed != null ? computed : reported;
        int rank = bands.rank(effective);
        if (rank < 0) return null;
        return new AkipGrade(computed, effective, bands.labels().size() - 1 - rank);
    }
}
