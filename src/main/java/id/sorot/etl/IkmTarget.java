package id.sorot.etl;

import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import id.sorot.rules.BandSet;

/**
 * IKM per service unit (fact_ikm): the value, the mutu the source reported (its words and the
 * grade they mean) and the mutu the pemda's band set gives (PermenPANRB 14/2017 by default).
 */
final class IkmTarget extends Target {

    private static final Shape SHAPE = new Shape("ikm", "fact_ikm", IkmTarget::new)
            .columns(
                    "pemda_id int",
                    "unit_id int",
                    "opd_id int",
                    "periode_id int",
                    "nilai decimal(9)",
                    "mutu varchar",
                    "mutu_label varchar",
                    "mutu_computed varchar",
                    "kinerja_computed varchar",
                    "rule_version varchar",
                    "row_no int")
            .key("unit_id", "periode_id")
            .scope("pemda_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int UNIT = SHAPE.required("unit", FieldType.UNIT);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);
    private static final int MUTU = SHAPE.optional("mutu", FieldType.MUTU);

    IkmTarget() {
        super(SHAPE);
    }

    @Override
    void emit(Typed r, Emit e) {
        Long value = r.hundredths(NILAI);
        if (value == null) {
            e.problem(r, NILAI, "etl.error.missing_value");
            return;
        }
        if (value < 2500 || value > 10000) {
            e.problem(r, NILAI, "etl.error.out_of_range", 25, 100);
            return;
        }
        Pemda p = r.pemda(PEMDA);
        Unit u = r.unit(UNIT);
        BandSet bands = e.rules.bandSet(p.bandMutu());
        String computed = bands.label(value / 100.0);
        FieldType.Mutu reported = (FieldType.Mutu) r.get(MUTU);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, u.id());
        out.setInt(2, u.opdId());
        out.setInt(3, r.integer(TAHUN) * 10);
        out.setHundredths(4, value);
        out.setString(5, reported == null ? null : reported.grade());
        out.setString(6, reported == null ? null : reported.label());
        out.setString(7, computed);
        out.setString(8, bands.meaning(computed));
        out.setString(9, bands.version());
        out.setInt(10, r.row());
    }
}
