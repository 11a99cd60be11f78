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

    private static final Shape SHAPE = new Shape("iku", "fact_iku", null)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "indikator_id int",
                    "periode_id int",
                    "target_text varchar",
                    "target double",
                    "target_upper double",
                    "target_grade varchar",
                    "realisasi_text varchar",
                    "realisasi double",
                    "realisasi_grade varchar",
                    "satuan varchar",
                    "arah varchar",
                    "capaian decimal(9)",
                    "capaian_computed double",
                    "rule_version varchar",
                    "row_no int")
            .key("indikator_id", "periode_id")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int SASARAN = SHAPE.optional("sasaran", FieldType.TEXT);
    private static final int INDIKATOR = SHAPE.required("indikator", FieldType.TEXT);
    private static final int SATUAN = SHAPE.optional("satuan", FieldType.TEXT);
    private static final int TARGET = SHAPE.required("target", FieldType.QUANTITY);
    private static final int REALISASI = SHAPE.required("realisasi", FieldType.QUANTITY);
    private static final int CAPAIAN = SHAPE.optional("capaian", FieldType.DECIMAL);
    private static final int ARAH = SHAPE.optional("arah", FieldType.TEXT);

    private final Map<String, Integer> known = new HashMap<>();
    private final List<Object[]> added = new ArrayList<>();
    private int nextId;

    IkuTarget() {
        super(SHAPE);
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
        Opd o = r.opd(OPD);
        FieldType.Quantity t = (FieldType.Quantity) r.get(TARGET);
        FieldType.Quantity real = (FieldType.Quantity) r.get(REALISASI);
        if (t == null) {
            e.problem(r, TARGET, "etl.error.missing_value");
            return;
        }
        String name = r.text(INDIKATOR);
        Capaian.Arah direction = direction(r.text(ARAH), t);
        String k = o.id() + "|" + key(name);
        Integer id = known.get(k);
        if (id == null) {
            id = nextId++;
            known.put(k, id);
            String unit = r.text(SATUAN) != null ? r.text(SATUAN) : t.unit();
            added.add(new Object[] {
                id,
                o.pemdaId(),
                o.id(),
                name,
                r.text(SASARAN),
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
        out.setInt(3, r.integer(TAHUN) * 10);
        out.setString(4, Layout.clean(r.raw(TARGET)));
        out.setDouble(5, t.value());
        out.setDouble(6, t.upper());
        out.setString(7, t.grade());
        out.setString(8, Layout.clean(r.raw(REALISASI)));
        out.setDouble(9, real == null ? null : real.value());
        out.setString(10, real == null ? null : real.grade());
        out.setString(11, r.text(SATUAN) != null ? r.text(SATUAN) : t.unit());
        out.setString(12, direction.name().toLowerCase(Locale.ROOT));
        out.setHundredths(13, r.hundredths(CAPAIAN));
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
