package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;

/** AKIP nilai and predikat per OPD per year (fact_akip_opd); the predikat is recomputed from the nilai. */
final class AkipOpdTarget extends Target {

    private static final Shape SHAPE = new Shape("akip_opd", "fact_akip_opd", AkipOpdTarget::new)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "periode_id int",
                    "nilai decimal(9)",
                    "predikat varchar",
                    "predikat_computed varchar",
                    "rule_version varchar",
                    "row_no int")
            .key("opd_id", "periode_id")
            .scope("pemda_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);
    private static final int PREDIKAT = SHAPE.optional("predikat", FieldType.PREDIKAT);

    AkipOpdTarget() {
        super(SHAPE);
    }

    @Override
    void emit(Typed r, Emit e) {
        Long score = r.hundredths(NILAI);
        if (score == null) {
            // an OPD not evaluated that year (a dash in a multi-year table) is no fact, not an error
            if (r.text(PREDIKAT) != null) {
                e.problem(r, NILAI, "etl.error.missing_value");
            }
            return;
        }
        if (score < 0 || score > 10000) {
            e.problem(r, NILAI, "etl.error.out_of_range", 0, 100);
            return;
        }
        Pemda p = r.pemda(PEMDA);
        Opd o = r.opd(OPD);
        BandSet bands = e.rules.bandSet(p.bandPredikat());
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, o.id());
        out.setInt(2, r.integer(TAHUN) * 10);
        out.setHundredths(3, score);
        out.setString(4, r.text(PREDIKAT));
        out.setString(5, bands.label(score / 100.0));
        out.setString(6, bands.version());
        out.setInt(7, r.row());
    }
}
