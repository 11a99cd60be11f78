package id.sorot.etl;

import id.sorot.rules.AkipKomponen;

/** AKIP of one OPD by component (fact_akip_komponen), with the PermenPANRB 88/2021 weight beside the reported one. */
final class AkipKomponenTarget extends Target {

    private static final Shape SHAPE = new Shape("akip_komponen", "fact_akip_komponen", null)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "periode_id int",
                    "komponen varchar",
                    "komponen_label varchar",
                    "urutan int",
                    "bobot decimal(9)",
                    "bobot_rule decimal(9)",
                    "nilai decimal(9)",
                    "row_no int")
            .key("opd_id", "periode_id", "komponen")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int KOMPONEN = SHAPE.required("komponen", FieldType.TEXT);
    private static final int BOBOT = SHAPE.optional("bobot", FieldType.DECIMAL);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);

    AkipKomponenTarget() {
        super(SHAPE);
    }

    @Override
    void emit(Typed r, Emit e) {
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
        out.setInt(0, r.pemda(PEMDA).id());
        out.setInt(1, r.opd(OPD).id());
        out.setInt(2, r.integer(TAHUN) * 10);
        out.setString(3, k.kode());
        out.setString(4, label);
        out.setInt(5, k.urutan());
        out.setHundredths(6, weight);
        out.setHundredths(7, Math.round(k.bobot() * 100));
        out.setHundredths(8, score);
        out.setInt(9, r.row());
    }
}
