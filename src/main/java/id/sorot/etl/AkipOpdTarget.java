package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;
import java.util.List;
import java.util.Map;

/** AKIP nilai and predikat per OPD per year (fact_akip_opd); the predikat is recomputed from the nilai. */
final class AkipOpdTarget extends Target {

    private int pemda;
    private int opd;
    private int tahun;
    private int nilai;
    private int predikat;

    @Override
    String name() {
        return "akip_opd";
    }

    @Override
    String table() {
        return "fact_akip_opd";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "opd", FieldType.Def.required(FieldType.OPD),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "nilai", FieldType.Def.required(FieldType.DECIMAL),
                "predikat", FieldType.Def.optional(FieldType.PREDIKAT));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("nilai", 9),
                FactBuffer.Column.of("predikat", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("predikat_computed", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("rule_version", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("opd_id", "periode_id");
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
        return copy(new AkipOpdTarget());
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        pemda = slot(slots, "pemda");
        opd = slot(slots, "opd");
        tahun = slot(slots, "tahun");
        nilai = slot(slots, "nilai");
        predikat = slot(slots, "predikat");
    }

    @Override
    void emit(Typed r, Emit e) {
        Long score = r.hundredths(nilai);
        if (score == null) {
            // an OPD not evaluated that year (a dash in a multi-year table) is no fact, not an error
            if (r.text(predikat) != null) {
                e.problem(r, nilai, "nilai", "etl.error.missing_value");
            }
            return;
        }
        if (score < 0 || score > 10000) {
            e.problem(r, nilai, "nilai", "etl.error.out_of_range", 0, 100);
            return;
        }
        Pemda p = r.pemda(pemda);
        Opd o = r.opd(opd);
        BandSet bands = e.rules.bandSet(p.bandPredikat());
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, o.id());
        out.setInt(2, r.integer(tahun) * 10);
        out.setHundredths(3, score);
        out.setString(4, r.text(predikat));
        out.setString(5, bands.label(score / 100.0));
        out.setString(6, bands.version());
        out.setInt(7, r.row());
    }
}
