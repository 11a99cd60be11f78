package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import id.sorot.rules.BandSet;

/**
 * IKM per service unit (fact_ikm): the value, the mutu the source reported (its words and the
 * grade they mean) and the mutu the pemda's band set gives (PermenPANRB 14/2017 by default).
 */
final class IkmTarget extends Target {

    private static final Shape SHAPE = Shape.of("ikm", "fact_ikm")
            .splittable()
            .key("unit_id", "periode_id")
            .scope("pemda_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_UNIT_ID = SHAPE.intColumn("unit_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.DecimalCol COL_NILAI = SHAPE.decimalColumn("nilai", 9);
    private static final FactBuffer.TextCol COL_MUTU = SHAPE.textColumn("mutu");
    private static final FactBuffer.TextCol COL_MUTU_LABEL = SHAPE.textColumn("mutu_label");
    private static final FactBuffer.TextCol COL_MUTU_COMPUTED = SHAPE.textColumn("mutu_computed");
    private static final FactBuffer.TextCol COL_KINERJA_COMPUTED = SHAPE.textColumn("kinerja_computed");
    private static final FactBuffer.TextCol COL_RULE_VERSION = SHAPE.textColumn("rule_version");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int UNIT = SHAPE.required("unit", FieldType.UNIT);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NILAI = SHAPE.required("nilai", FieldType.DECIMAL);
    private static final int MUTU = SHAPE.optional("mutu", FieldType.MUTU);

    IkmTarget() {
        super(SHAPE);
    }

    /** Each row stands alone: the run is the emit method itself, with nothing kept between rows. */
    @Override
    public Run open(Prepare ctx) {
        return this::emit;
    }

    private void emit(Typed r, Emit e) {
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
        out.set(COL_PEMDA_ID, p.id());
        out.set(COL_UNIT_ID, u.id());
        out.set(COL_OPD_ID, u.opdId());
        out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
        out.set(COL_NILAI, value);
        out.set(COL_MUTU, reported == null ? null : reported.grade());
        out.set(COL_MUTU_LABEL, reported == null ? null : reported.label());
        out.set(COL_MUTU_COMPUTED, computed);
        out.set(COL_KINERJA_COMPUTED, bands.meaning(computed));
        out.set(COL_RULE_VERSION, bands.version());
        out.set(COL_ROW_NO, r.row());
    }
}
