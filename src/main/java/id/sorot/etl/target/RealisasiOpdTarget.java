package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Periods;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
import id.sorot.rules.RuleService;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Realisasi keuangan and fisik per OPD (fact_realisasi_opd), for a year or a triwulan, as of a date.
 * The source's percentages and deviasi are kept; Sorot's own (realisasi Rp / anggaran, realisasi -
 * rencana) are stored beside them. When a row carries both kode and name, they must name the same OPD.
 * A year's realisasi is published many times (each month, "per 30 November"): each as-of date is a
 * snapshot of its own that the others leave standing; a table with no date is as of the period's
 * last day, and reloading the same snapshot replaces it.
 */
final class RealisasiOpdTarget extends Target {

    private static final Shape SHAPE = Shape.of("realisasi_opd", "fact_realisasi_opd")
            .splittable()
            .key("opd_id", "periode_id", "per_tanggal")
            .scope("pemda_id", "periode_id", "per_tanggal")
            // a province's published list has realisasi Rp and % but no anggaran or rencana
            .oneOf("realisasi_keuangan_rp", "realisasi_keuangan_pct", "realisasi_fisik_pct")
            .derives("realisasi_keuangan_pct_computed", "anggaran", "realisasi_keuangan_rp")
            .derives("deviasi_keuangan_computed", "anggaran", "realisasi_keuangan_rp", "rencana_keuangan_pct")
            .derives("deviasi_fisik_computed", "realisasi_fisik_pct", "rencana_fisik_pct");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.DecimalCol COL_ANGGARAN = SHAPE.decimalColumn("anggaran", 18);
    private static final FactBuffer.DecimalCol COL_RENCANA_KEUANGAN_RP = SHAPE.decimalColumn("rencana_keuangan_rp", 18);
    private static final FactBuffer.DecimalCol COL_RENCANA_KEUANGAN_PCT =
            SHAPE.decimalColumn("rencana_keuangan_pct", 9);
    private static final FactBuffer.DecimalCol COL_REALISASI_KEUANGAN_RP =
            SHAPE.decimalColumn("realisasi_keuangan_rp", 18);
    private static final FactBuffer.DecimalCol COL_REALISASI_KEUANGAN_PCT =
            SHAPE.decimalColumn("realisasi_keuangan_pct", 9);
    private static final FactBuffer.DoubleCol COL_REALISASI_KEUANGAN_PCT_COMPUTED =
            SHAPE.doubleColumn("realisasi_keuangan_pct_computed");
    private static final FactBuffer.DecimalCol COL_RENCANA_FISIK_PCT = SHAPE.decimalColumn("rencana_fisik_pct", 9);
    private static final FactBuffer.DecimalCol COL_REALISASI_FISIK_PCT = SHAPE.decimalColumn("realisasi_fisik_pct", 9);
    private static final FactBuffer.DecimalCol COL_DEVIASI_KEUANGAN = SHAPE.decimalColumn("deviasi_keuangan", 9);
    private static final FactBuffer.DoubleCol COL_DEVIASI_KEUANGAN_COMPUTED =
            SHAPE.doubleColumn("deviasi_keuangan_computed");
    private static final FactBuffer.DecimalCol COL_DEVIASI_FISIK = SHAPE.decimalColumn("deviasi_fisik", 9);
    private static final FactBuffer.DoubleCol COL_DEVIASI_FISIK_COMPUTED = SHAPE.doubleColumn("deviasi_fisik_computed");
    private static final FactBuffer.DateCol COL_PER_TANGGAL = SHAPE.dateColumn("per_tanggal");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int NAMA = SHAPE.optional("nama", FieldType.TEXT);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int TRIWULAN = SHAPE.optional("triwulan", FieldType.TRIWULAN);
    private static final int PER_TANGGAL = SHAPE.optional("per_tanggal", FieldType.TANGGAL);
    private static final int BULAN = SHAPE.optional("bulan", FieldType.BULAN);
    private static final int ANGGARAN = SHAPE.optional("anggaran", FieldType.MONEY);
    private static final int RENCANA_RP = SHAPE.optional("rencana_keuangan_rp", FieldType.MONEY);
    private static final int RENCANA_PCT = SHAPE.optional("rencana_keuangan_pct", FieldType.DECIMAL);
    private static final int REALISASI_RP = SHAPE.optional("realisasi_keuangan_rp", FieldType.MONEY);
    private static final int REALISASI_PCT = SHAPE.optional("realisasi_keuangan_pct", FieldType.DECIMAL);
    private static final int RENCANA_FISIK = SHAPE.optional("rencana_fisik_pct", FieldType.DECIMAL);
    private static final int REALISASI_FISIK = SHAPE.optional("realisasi_fisik_pct", FieldType.DECIMAL);
    private static final int DEVIASI_KEUANGAN = SHAPE.optional("deviasi_keuangan", FieldType.DECIMAL);
    private static final int DEVIASI_FISIK = SHAPE.optional("deviasi_fisik", FieldType.DECIMAL);

    RealisasiOpdTarget() {
        super(SHAPE);
    }

    /** Rows stand alone; each reads the OPD master to check a name against its kode. */
    @Override
    public Run open(Prepare ctx) {
        OpdDirectory directory = ctx.directory();
        return (r, e) -> emit(r, e, directory);
    }

    private static void emit(Typed r, Emit e, OpdDirectory directory) {
        Opd o = r.opd(OPD);
        String name = r.text(NAMA);
        if (name != null) {
            Opd named = directory.findOpd(o.pemdaId(), name).orElse(null);
            if (named != null && named.id() != o.id()) {
                e.problem(r, NAMA, "etl.error.name_kode_mismatch", o.kode(), o.singkatan(), named.singkatan());
                return;
            }
        }
        Long pagu = r.hundredths(ANGGARAN);
        Long spent = r.hundredths(REALISASI_RP);
        // a column the layout maps must hold a value on every row; one it does not map is NULL throughout
        if (r.column(ANGGARAN) >= 0 && (pagu == null || pagu < 0)) {
            e.problem(r, ANGGARAN, "etl.error.missing_value");
            return;
        }
        if (r.column(REALISASI_RP) >= 0 && spent == null) {
            e.problem(r, REALISASI_RP, "etl.error.missing_value");
            return;
        }
        if (spent == null && r.hundredths(REALISASI_PCT) == null && r.hundredths(REALISASI_FISIK) == null) {
            e.problem(r, REALISASI_PCT, "etl.error.missing_value");
            return;
        }
        Double serapan = pagu == null || spent == null ? null : RuleService.serapan(spent / 100.0, pagu / 100.0);
        Double rencanaKeu = r.number(RENCANA_PCT);
        Double rencanaFis = r.number(RENCANA_FISIK);
        Integer tw = r.integer(TRIWULAN);
        int tahun = r.integer(TAHUN);
        Integer bulan = r.integer(BULAN);
        LocalDate asOf = (LocalDate) r.get(PER_TANGGAL);
        if (asOf == null && bulan != null) asOf = YearMonth.of(tahun, bulan).atEndOfMonth();
        if (asOf == null) asOf = new Periods.Period(tahun, tw, null).asOfOrEnd();
        if (asOf.getYear() != tahun) {
            e.problem(r, PER_TANGGAL, "etl.error.as_of_year", asOf, tahun);
            return;
        }
        FactBuffer out = e.out;
        out.startRow();
        out.set(COL_PEMDA_ID, o.pemdaId());
        out.set(COL_OPD_ID, o.id());
        out.set(COL_PERIODE_ID, tahun * 10 + (tw == null ? 0 : tw));
        out.set(COL_PER_TANGGAL, asOf);
        out.set(COL_ANGGARAN, pagu);
        out.set(COL_RENCANA_KEUANGAN_RP, r.hundredths(RENCANA_RP));
        out.set(COL_RENCANA_KEUANGAN_PCT, r.hundredths(RENCANA_PCT));
        out.set(COL_REALISASI_KEUANGAN_RP, spent);
        out.set(COL_REALISASI_KEUANGAN_PCT, r.hundredths(REALISASI_PCT));
        out.set(COL_REALISASI_KEUANGAN_PCT_COMPUTED, serapan);
        out.set(COL_RENCANA_FISIK_PCT, r.hundredths(RENCANA_FISIK));
        out.set(COL_REALISASI_FISIK_PCT, r.hundredths(REALISASI_FISIK));
        out.set(COL_DEVIASI_KEUANGAN, r.hundredths(DEVIASI_KEUANGAN));
        out.set(COL_DEVIASI_KEUANGAN_COMPUTED, RuleService.deviasi(serapan, rencanaKeu));
        out.set(COL_DEVIASI_FISIK, r.hundredths(DEVIASI_FISIK));
        out.set(COL_DEVIASI_FISIK_COMPUTED, RuleService.deviasi(r.number(REALISASI_FISIK), rencanaFis));
        out.set(COL_ROW_NO, r.row());
    }
}
