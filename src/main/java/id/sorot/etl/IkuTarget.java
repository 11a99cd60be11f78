package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.rules.BandSet;
import id.sorot.rules.Capaian;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * IKU / perjanjian kinerja targets and realisation (fact_iku). Capaian is computed by the
 * indicator's direction (higher, lower, range, qualitative grade) beside the reported one. The
 * indicators themselves form the {@code indikator} dimension of the OPD.
 */
final class IkuTarget extends Target {

    private int opd;
    private int tahun;
    private int sasaran;
    private int indikator;
    private int satuan;
    private int target;
    private int realisasi;
    private int capaian;
    private int arah;
    private final Map<String, Integer> known = new HashMap<>();
    private final List<Object[]> added = new ArrayList<>();
    private int nextId;

    @Override
    String name() {
        return "iku";
    }

    @Override
    String table() {
        return "fact_iku";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "opd", FieldType.Def.required(FieldType.OPD),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "sasaran", FieldType.Def.optional(FieldType.TEXT),
                "indikator", FieldType.Def.required(FieldType.TEXT),
                "satuan", FieldType.Def.optional(FieldType.TEXT),
                "target", FieldType.Def.required(FieldType.QUANTITY),
                "realisasi", FieldType.Def.required(FieldType.QUANTITY),
                "capaian", FieldType.Def.optional(FieldType.DECIMAL),
                "arah", FieldType.Def.optional(FieldType.TEXT));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("indikator_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("target_text", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("target", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("target_upper", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("target_grade", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("realisasi_text", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("realisasi", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("realisasi_grade", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("satuan", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("arah", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.decimal("capaian", 9),
                FactBuffer.Column.of("capaian_computed", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("rule_version", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("indikator_id", "periode_id");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "opd_id", "periode_id");
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        opd = slot(slots, "opd");
        tahun = slot(slots, "tahun");
        sasaran = slot(slots, "sasaran");
        indikator = slot(slots, "indikator");
        satuan = slot(slots, "satuan");
        target = slot(slots, "target");
        realisasi = slot(slots, "realisasi");
        capaian = slot(slots, "capaian");
        arah = slot(slots, "arah");
    }

    @Override
    void prepare(Prepare ctx) throws SQLException {
        try (Statement s = ctx.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT opd_id, nama, indikator_id FROM indikator")) {
            while (rs.next()) known.put(rs.getInt(1) + "|" + key(rs.getString(2)), rs.getInt(3));
        }
        try (Statement s = ctx.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(indikator_id), 0) FROM indikator")) {
            rs.next();
            nextId = rs.getInt(1) + 1;
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Capaian.Arah direction(String text, FieldType.Quantity t) {
        if (t.grade() != null) return Capaian.Arah.QUALITATIVE;
        if (t.upper() != null) return Capaian.Arah.RANGE;
        if (text != null && text.toLowerCase(Locale.ROOT).matches("turun|lower|menurun|negatif|lower_is_better")) {
            return Capaian.Arah.LOWER;
        }
        return Capaian.Arah.HIGHER;
    }

    @Override
    void emit(Typed r, Emit e) {
        Opd o = r.opd(opd);
        FieldType.Quantity t = (FieldType.Quantity) r.get(target);
        FieldType.Quantity real = (FieldType.Quantity) r.get(realisasi);
        if (t == null) {
            e.problem(r, target, "target", "etl.error.missing_value");
            return;
        }
        String name = r.text(indikator);
        Capaian.Arah direction = direction(r.text(arah), t);
        String k = o.id() + "|" + key(name);
        Integer id = known.get(k);
        if (id == null) {
            id = nextId++;
            known.put(k, id);
            String unit = r.text(satuan) != null ? r.text(satuan) : t.unit();
            added.add(new Object[] {
                id,
                o.pemdaId(),
                o.id(),
                name,
                r.text(sasaran),
                unit,
                direction.name().toLowerCase(Locale.ROOT)
            });
        }
        BandSet grades = e.rules.predikat();
        Double computed =
                switch (direction) {
                    case QUALITATIVE -> real == null ? null : Capaian.qualitative(real.grade(), t.grade(), grades);
                    case RANGE -> real == null ? null : Capaian.range(real.value(), t.value(), t.upper());
                    case LOWER -> real == null ? null : Capaian.lower(real.value(), t.value());
                    case HIGHER -> real == null ? null : Capaian.higher(real.value(), t.value());
                };
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, id);
        out.setInt(3, r.integer(tahun) * 10);
        out.setString(4, Layout.clean(r.raw(target)));
        out.setDouble(5, t.value());
        out.setDouble(6, t.upper());
        out.setString(7, t.grade());
        out.setString(8, Layout.clean(r.raw(realisasi)));
        out.setDouble(9, real == null ? null : real.value());
        out.setString(10, real == null ? null : real.grade());
        out.setString(11, r.text(satuan) != null ? r.text(satuan) : t.unit());
        out.setString(12, direction.name().toLowerCase(Locale.ROOT));
        out.setHundredths(13, r.hundredths(capaian));
        out.setDouble(14, computed);
        out.setString(15, Capaian.RULE_VERSION);
        out.setInt(16, r.row());
    }

    @Override
    void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
        if (added.isEmpty()) return;
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "indikator")) {
            for (Object[] row : added) {
                a.beginRow();
                a.append((int) row[0]);
                a.append((int) row[1]);
                a.append((int) row[2]);
                a.append((String) row[3]);
                if (row[4] == null) a.appendNull();
                else a.append((String) row[4]);
                if (row[5] == null) a.appendNull();
                else a.append((String) row[5]);
                a.append((String) row[6]);
                a.endRow();
            }
        }
    }
}
