package id.sorot.etl;

import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;

/** The pemda's own AKIP per year (fact_akip_pemda), with the predikat the rule gives. */
final class AkipPemdaTarget extends Target {

    private static final Shape SHAPE = new Shape("akip_pemda", "fact_akip_pemda", AkipPemdaTarget::new)
            .columns(
                    "pemda_id int",
                    "periode_id int",
                    "nilai decimal(9)",
                    "predikat varchar",
                    "predikat_computed varchar",
                    "rule_version varchar",
                    "row_no int")
            .key("pemda_id", "periode_id")
            .scope("pemda_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);
    private static final int PREDIKAT = SHAPE.optional("predikat", FieldType.PREDIKAT);
    /** The table names what it measures; accepted, not stored. */
    @SuppressWarnings("unused")
    private static final int INDIKATOR = SHAPE.optional("indikator", FieldType.TEXT);

    AkipPemdaTarget() {
        super(SHAPE);
    }

    @Override
    void emit(Typed r, Emit e) {
        Long score = r.hundredths(NILAI);
        if (score == null) return;
        if (score < 0 || score > 10000) {
            e.problem(r, NILAI, "etl.error.out_of_range", 0, 100);
            return;
        }
        Pemda p = r.pemda(PEMDA);
        BandSet bands = e.rules.bandSet(p.bandPredikat());
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, r.integer(TAHUN) * 10);
        out.setHundredths(2, score);
        out.setString(3, r.text(PREDIKAT));
        out.setString(4, bands.label(score / 100.0));
        out.setString(5, bands.version());
        out.setInt(6, r.row());
    }
}
