package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.rules.RuleService;

/**
 * Realisasi keuangan and fisik per OPD (fact_realisasi_opd), for a year or a triwulan. The source's
 * percentages and deviasi are kept; Sorot's own (realisasi Rp / anggaran, realisasi - rencana) are
 * stored beside them. When a row carries both kode and name, they must name the same OPD.
 */
final class RealisasiOpdTarget extends Target {

    private static final Shape SHAPE = new Shape("realisasi_opd", "fact_realisasi_opd", RealisasiOpdTarget::new)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "periode_id int",
                    "anggaran decimal(18)",
                    "rencana_keuangan_rp decimal(18)",
                    "rencana_keuangan_pct decimal(9)",
                    "realisasi_keuangan_rp decimal(18)",
                    "realisasi_keuangan_pct decimal(9)",
                    "realisasi_keuangan_pct_computed double",
                    "rencana_fisik_pct decimal(9)",
                    "realisasi_fisik_pct decimal(9)",
                    "deviasi_keuangan decimal(9)",
                    "deviasi_keuangan_computed double",
                    "deviasi_fisik decimal(9)",
                    "deviasi_fisik_computed double",
                    "row_no int")
            .key("opd_id", "periode_id")
            .scope("pemda_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int NAMA = SHAPE.optional("nama", FieldType.TEXT);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int TRIWULAN = SHAPE.optional("triwulan", FieldType.TRIWULAN);
    private static final int ANGGARAN = SHAPE.required("anggaran", FieldType.MONEY);
    private static final int RENCANA_RP = SHAPE.optional("rencana_keuangan_rp", FieldType.MONEY);
    private static final int RENCANA_PCT = SHAPE.optional("rencana_keuangan_pct", FieldType.DECIMAL);
    private static final int REALISASI_RP = SHAPE.required("realisasi_keuangan_rp", FieldType.MONEY);
    private static final int REALISASI_PCT = SHAPE.optional("realisasi_keuangan_pct", FieldType.DECIMAL);
    private static final int RENCANA_FISIK = SHAPE.optional("rencana_fisik_pct", FieldType.DECIMAL);
    private static final int REALISASI_FISIK = SHAPE.optional("realisasi_fisik_pct", FieldType.DECIMAL);
    private static final int DEVIASI_KEUANGAN = SHAPE.optional("deviasi_keuangan", FieldType.DECIMAL);
    private static final int DEVIASI_FISIK = SHAPE.optional("deviasi_fisik", FieldType.DECIMAL);

    private id.sorot.opd.OpdDirectory directory;

    RealisasiOpdTarget() {
        super(SHAPE);
    }

    @Override
    Target fork() {
        RealisasiOpdTarget copy = (RealisasiOpdTarget) super.fork();
        copy.directory = directory;
        return copy;
    }

    @Override
    void prepare(Prepare ctx) {
        directory = ctx.directory();
    }

    @Override
    void emit(Typed r, Emit e) {
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
        if (pagu == null || pagu < 0) {
            e.problem(r, ANGGARAN, "etl.error.missing_value");
            return;
        }
        if (spent == null) {
            e.problem(r, REALISASI_RP, "etl.error.missing_value");
            return;
        }
        Double serapan = RuleService.serapan(spent / 100.0, pagu / 100.0);
        Double rencanaKeu = r.number(RENCANA_PCT);
        Double rencanaFis = r.number(RENCANA_FISIK);
        Integer tw = r.integer(TRIWULAN);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, r.integer(TAHUN) * 10 + (tw == null ? 0 : tw));
        out.setHundredths(3, pagu);
        out.setHundredths(4, r.hundredths(RENCANA_RP));
        out.setHundredths(5, r.hundredths(RENCANA_PCT));
        out.setHundredths(6, spent);
        out.setHundredths(7, r.hundredths(REALISASI_PCT));
        out.setDouble(8, serapan);
        out.setHundredths(9, r.hundredths(RENCANA_FISIK));
        out.setHundredths(10, r.hundredths(REALISASI_FISIK));
        out.setHundredths(11, r.hundredths(DEVIASI_KEUANGAN));
        out.setDouble(12, RuleService.deviasi(serapan, rencanaKeu));
        out.setHundredths(13, r.hundredths(DEVIASI_FISIK));
        out.setDouble(14, RuleService.deviasi(r.number(REALISASI_FISIK), rencanaFis));
        out.setInt(15, r.row());
    }
}
