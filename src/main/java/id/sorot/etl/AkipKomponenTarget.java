package id.sorot.etl;

import id.sorot.rules.AkipKomponen;
import java.util.List;
import java.util.Map;

/** AKIP of one OPD by component (fact_akip_komponen), with the PermenPANRB 88/2021 weight beside the reported one. */
final class AkipKomponenTarget extends Target {

    private int pemda;
    private int opd;
    private int tahun;
    private int komponen;
    private int bobot;
    private int nilai;

    @Override
    String name() {
        return "akip_komponen";
    }

    @Override
    String table() {
        return "fact_akip_komponen";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "opd", FieldType.Def.required(FieldType.OPD),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "komponen", FieldType.Def.required(FieldType.TEXT),
                "bobot", FieldType.Def.optional(FieldType.DECIMAL),
                "nilai", FieldType.Def.required(FieldType.DECIMAL));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("komponen", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("komponen_label", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("urutan", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("bobot", 9),
                FactBuffer.Column.decimal("bobot_rule", 9),
                FactBuffer.Column.decimal("nilai", 9),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("opd_id", "periode_id", "komponen");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "opd_id", "periode_id");
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        pemda = slot(slots, "pemda");
        opd = slot(slots, "opd");
        tahun = slot(slots, "tahun");
        komponen = slot(slots, "komponen");
        bobot = slot(slots, "bobot");
        nilai = slot(slots, "nilai");
    }

    @Override
    void emit(Typed r, Emit e) {
        String label = r.text(komponen);
        AkipKomponen k = AkipKomponen.of(label).orElse(null);
        if (k == null) {
            e.problem(r, komponen, "komponen", "etl.error.unknown_komponen", label);
            return;
        }
        Long score = r.hundredths(nilai);
        Long weight = r.hundredths(bobot);
        long max = weight != null ? weight : Math.round(k.bobot() * 100);
        if (score == null || score < 0 || score > max) {
            e.problem(r, nilai, "nilai", "etl.error.out_of_range", 0, IdNumbers.format(max));
            return;
        }
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, r.pemda(pemda).id());
        out.setInt(1, r.opd(opd).id());
        out.setInt(2, r.integer(tahun) * 10);
        out.setString(3, k.kode());
        out.setString(4, label);
        out.setInt(5, k.urutan());
        out.setHundredths(6, weight);
        out.setHundredths(7, Math.round(k.bobot() * 100));
        out.setHundredths(8, score);
        out.setInt(9, r.row());
    }
}
