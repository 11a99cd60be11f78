package id.sorot.etl;

import id.sorot.opd.Pemda;
import id.sorot.opd.Unit;
import id.sorot.rules.BandSet;
import java.util.List;
import java.util.Map;

/**
 * IKM per service unit (fact_ikm): the value, the mutu the source reported (its words and the
 * grade they mean) and the mutu the pemda's band set gives (PermenPANRB 14/2017 by default).
 */
final class IkmTarget extends Target {

    private int pemda;
    private int unit;
    private int tahun;
    private int nilai;
    private int mutu;

    @Override
    String name() {
        return "ikm";
    }

    @Override
    String table() {
        return "fact_ikm";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "unit", FieldType.Def.required(FieldType.UNIT),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "nilai", FieldType.Def.required(FieldType.DECIMAL),
                "mutu", FieldType.Def.optional(FieldType.MUTU));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("unit_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("nilai", 9),
                FactBuffer.Column.of("mutu", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("mutu_label", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("mutu_computed", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("kinerja_computed", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("rule_version", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("unit_id", "periode_id");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "periode_id");
    }

    @Override
    boolean splittable() {
        return true;
    }

    @Override
    Target fork() {
        return copy(new IkmTarget());
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        pemda = slot(slots, "pemda");
        unit = slot(slots, "unit");
        tahun = slot(slots, "tahun");
        nilai = slot(slots, "nilai");
        mutu = slot(slots, "mutu");
    }

    @Override
    void emit(Typed r, Emit e) {
        Long value = r.hundredths(nilai);
        if (value == null) {
            e.problem(r, nilai, "nilai", "etl.error.missing_value");
            return;
        }
        if (value < 2500 || value > 10000) {
            e.problem(r, nilai, "nilai", "etl.error.out_of_range", 25, 100);
            return;
        }
        Pemda p = r.pemda(pemda);
        Unit u = r.unit(unit);
        BandSet bands = e.rules.bandSet(p.bandMutu());
        String computed = bands.label(value / 100.0);
        FieldType.Mutu reported = (FieldType.Mutu) r.get(mutu);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, u.id());
        out.setInt(2, u.opdId());
        out.setInt(3, r.integer(tahun) * 10);
        out.setHundredths(4, value);
        out.setString(5, reported == null ? null : reported.grade());
        out.setString(6, reported == null ? null : reported.label());
        out.setString(7, computed);
        out.setString(8, bands.meaning(computed));
        out.setString(9, bands.version());
        out.setInt(10, r.row());
    }
}
