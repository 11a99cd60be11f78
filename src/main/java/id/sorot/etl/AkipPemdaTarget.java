package id.sorot.etl;

import id.sorot.opd.Pemda;
import id.sorot.rules.BandSet;
import java.util.List;
import java.util.Map;

/** The pemda's own AKIP per year (fact_akip_pemda), with the predikat the rule gives. */
final class AkipPemdaTarget extends Target {

    private int pemda;
    private int tahun;
    private int nilai;
    private int predikat;

    @Override
    String name() {
        return "akip_pemda";
    }

    @Override
    String table() {
        return "fact_akip_pemda";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "indikator", FieldType.Def.optional(FieldType.TEXT),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "nilai", FieldType.Def.required(FieldType.DECIMAL),
                "predikat", FieldType.Def.optional(FieldType.PREDIKAT));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("nilai", 9),
                FactBuffer.Column.of("predikat", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("predikat_computed", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("rule_version", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("pemda_id", "periode_id");
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
        return copy(new AkipPemdaTarget());
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        pemda = slot(slots, "pemda");
        tahun = slot(slots, "tahun");
        nilai = slot(slots, "nilai");
        predikat = slot(slots, "predikat");
    }

    @Override
    void emit(Typed r, Emit e) {
        Long score = r.hundredths(nilai);
        if (score == null) return;
        if (score < 0 || score > 10000) {
            e.problem(r, nilai, "nilai", "etl.error.out_of_range", 0, 100);
            return;
        }
        Pemda p = r.pemda(pemda);
        BandSet bands = e.rules.bandSet(p.bandPredikat());
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, p.id());
        out.setInt(1, r.integer(tahun) * 10);
        out.setHundredths(2, score);
        out.setString(3, r.text(predikat));
        out.setString(4, bands.label(score / 100.0));
        out.setString(5, bands.version());
        out.setInt(6, r.row());
    }
}
