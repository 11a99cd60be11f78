package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;

/**
 * AKIP nilai and predikat per OPD per year (fact_akip_opd); the predikat is recomputed from the nilai,
 * or, where the source gives only a predikat, stored as reported with nilai NULL.
 */
final class AkipOpdTarget extends Target {

    private static final Shape SHAPE = Shape.of("akip_opd", "fact_akip_opd")
            .splittable()
            .key("opd_id", "periode_id")
            .scope("pemda_id", "periode_id")
            // a province's list of predikat per pemda, or an Inspektorat's per OPD, gives no nilai
            .oneOf("nilai", "predikat")
            .derives("predikat_computed", "nilai");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.DecimalCol COL_NILAI = SHAPE.decimalColumn("nilai", 9);
    private static final FactBuffer.TextCol COL_PREDIKAT = SHAPE.textColumn("predikat");
    private static final FactBuffer.TextCol COL_PREDIKAT_COMPUTED = SHAPE.textColumn("predikat_computed");
    private static final FactBuffer.TextCol COL_PREDIKAT_EFEKTIF = SHAPE.textColumn("predikat_efektif");
    private static final FactBuffer.IntCol COL_PREDIKAT_URUT = SHAPE.intColumn("predikat_urut");
    private static final FactBuffer.TextCol COL_RULE_VERSION = SHAPE.textColumn("rule_version");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NILAI = SHAPE.optional("nilai", FieldType.DECIMAL);
    private static final int PREDIKAT = SHAPE.optional("predikat", FieldType.PREDIKAT);

    AkipOpdTarget() {
        super(SHAPE);
    }

    /** Each row stands alone: the run is the emit method itself, with nothing kept between rows. */
    @Override
    public Run open(Prepare ctx) {
        return this::emit;
    }

    private void emit(Typed r, Emit e) {
        Pemda p = r.pemda(PEMDA);
        BandSet bands = e.rules.bandSet(p.bandPredikat());
        AkipGrade grade = AkipGrade.read(r, e, NILAI, PREDIKAT, bands);
        if (grade == null) return;
        Opd o = r.opd(OPD);
        FactBuffer out = e.out;
        out.startRow();
        out.set(COL_PEMDA_ID, p.id());
        out.set(COL_OPD_ID, o.id());
        out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
        out.set(COL_NILAI, r.hundredths(NILAI));
        out.set(COL_PREDIKAT, r.text(PREDIKAT));
        out.set(COL_PREDIKAT_COMPUTED, grade.computed());
        out.set(COL_PREDIKAT_EFEKTIF, grade.effective());
        out.set(COL_PREDIKAT_URUT, grade.order());
        out.set(COL_RULE_VERSION, bands.version());
        out.set(COL_ROW_NO, r.row());
    }
}
