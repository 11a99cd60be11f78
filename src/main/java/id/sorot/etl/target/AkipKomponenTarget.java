package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.IdNumbers;
import id.sorot.etl.read.Typed;
import id.sorot.rules.AkipKomponen;

/** AKIP of one OPD by component (fact_akip_komponen), with the PermenPANRB 88/2021 weight beside the reported one. */
final class AkipKomponenTarget extends Target {

    private static final Shape SHAPE = Shape.of("akip_komponen", "fact_akip_komponen")
            .key("opd_id", "periode_id", "komponen")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_KOMPONEN = SHAPE.textColumn("komponen");
    private static final FactBuffer.TextCol COL_KOMPONEN_LABEL = SHAPE.textColumn("komponen_label");
    private static final FactBuffer.IntCol COL_URUTAN = SHAPE.intColumn("urutan");
    private static final FactBuffer.DecimalCol COL_BOBOT = SHAPE.decimalColumn("bobot", 9);
    private static final FactBuffer.DecimalCol COL_BOBOT_RULE = SHAPE.decimalColumn("bobot_rule", 9);
    private static final FactBuffer.DecimalCol COL_NILAI = SHAPE.decimalColumn("nilai", 9);
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int KOMPONEN = SHAPE.required("komponen", FieldType.TEXT);
    private static final int BOBOT = SHAPE.optional("bobot", FieldType.DECIMAL);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);

    AkipKomponenTarget() {
        super(SHAPE);
    }

    /** Each row stands alone: the run is the emit method itself, with nothing kept between rows. */
    @Override
    public Run open(Prepare ctx) {
        return this::emit;
    }

    private void emit(Typed r, Emit e) {
        String label = r.text(KOMPONEN);
        AkipKomponen k = AkipKomponen.of(label).orElse(null);
        if (k == null) {
            e.problem(r, KOMPONEN, "etl.error.unknown_komponen", label);
            return;
        }
        Long score = r.hundredths(NILAI);
        Long weight = r.hundredths(BOBOT);
        long max = weight != null ? weight : Math.round(k.bobot() * 100);
        if (score == null || score < 0 || score > max) {
            e.problem(r, NILAI, "etl.error.out_of_range", 0, IdNumbers.format(max));
            return;
        }
        FactBuffer out = e.out;
        out.startRow();
        out.set(COL_PEMDA_ID, r.pemda(PEMDA).id());
        out.set(COL_OPD_ID, r.opd(OPD).id());
        out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
        out.set(COL_KOMPONEN, k.kode());
        out.set(COL_KOMPONEN_LABEL, label);
        out.set(COL_URUTAN, k.urutan());
        out.set(COL_BOBOT, weight);
        out.set(COL_BOBOT_RULE, Math.round(k.bobot() * 100));
        out.set(COL_NILAI, score);
        out.set(COL_ROW_NO, r.row());
    }
}
