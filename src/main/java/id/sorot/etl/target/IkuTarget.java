package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Layout;
import id.sorot.etl.read.Typed;
import id.sorot.opd.IndikatorRule;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdDirectory;
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
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * IKU / perjanjian kinerja targets and realisation (fact_iku). Capaian is computed by the
 * indicator's direction (higher, lower, range, qualitative grade) beside the reported one. The
 * indicators themselves form the {@code indikator} dimension of the OPD.
 */
final class IkuTarget extends Target {

    private static final Shape SHAPE =
            Shape.of("iku", "fact_iku").key("indikator_id", "periode_id").scope("pemda_id", "opd_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_INDIKATOR_ID = SHAPE.intColumn("indikator_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_TARGET_TEXT = SHAPE.textColumn("target_text");
    private static final FactBuffer.DoubleCol COL_TARGET = SHAPE.doubleColumn("target");
    private static final FactBuffer.DoubleCol COL_TARGET_UPPER = SHAPE.doubleColumn("target_upper");
    private static final FactBuffer.TextCol COL_TARGET_GRADE = SHAPE.textColumn("target_grade");
    private static final FactBuffer.TextCol COL_REALISASI_TEXT = SHAPE.textColumn("realisasi_text");
    private static final FactBuffer.DoubleCol COL_REALISASI = SHAPE.doubleColumn("realisasi");
    private static final FactBuffer.TextCol COL_REALISASI_GRADE = SHAPE.textColumn("realisasi_grade");
    private static final FactBuffer.TextCol COL_SATUAN = SHAPE.textColumn("satuan");
    private static final FactBuffer.TextCol COL_ARAH = SHAPE.textColumn("arah");
    private static final FactBuffer.DecimalCol COL_CAPAIAN = SHAPE.decimalColumn("capaian", 9);
    private static final FactBuffer.DoubleCol COL_CAPAIAN_COMPUTED = SHAPE.doubleColumn("capaian_computed");
    private static final FactBuffer.TextCol COL_RULE_VERSION = SHAPE.textColumn("rule_version");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
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

    IkuTarget() {
        super(SHAPE);
    }

    @Override
    public Run open(Prepare ctx) throws SQLException {
        return new Load(ctx);
    }

    /** One load's state: what was looked up when it opened and what it keeps from row to row. */
    private static final class Load implements Run {
        private final OpdDirectory directory;
        private final Map<String, Integer> known = new HashMap<>();
        private final List<Object[]> added = new ArrayList<>();
        private int nextId;

        Load(Prepare ctx) throws SQLException {
            directory = ctx.directory();
            try (Statement s = ctx.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT opd_id, nama, indikator_id FROM indikator")) {
                while (rs.next()) known.put(rs.getInt(1) + "|" + IndikatorRule.key(rs.getString(2)), rs.getInt(3));
            }
            try (Statement s = ctx.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT coalesce(max(indikator_id), 0) FROM indikator")) {
                rs.next();
                nextId = rs.getInt(1) + 1;
            }
        }

        private static Capaian.Arah direction(String text, FieldType.Quantity t) {
            if (t.grade() != null) return Capaian.Arah.QUALITATIVE;
            if (t.upper() != null) return Capaian.Arah.RANGE;
            if (text != null && text.toLowerCase(Locale.ROOT).matches("turun|lower|menurun|negatif|lower_is_better")) {
                return Capaian.Arah.LOWER;
            }
            return Capaian.Arah.HIGHER;
        }

        private static Capaian.Arah fromReference(String arah) {
            return switch (arah) {
                case "turun" -> Capaian.Arah.LOWER;
                case "rentang" -> Capaian.Arah.RANGE;
                case "kualitatif" -> Capaian.Arah.QUALITATIVE;
                default -> Capaian.Arah.HIGHER;
            };
        }

        /** Whether a target can be measured in a direction: a range needs two bounds, a grade a predikat. */
        private static boolean fits(Capaian.Arah direction, FieldType.Quantity t) {
            return switch (direction) {
                case RANGE -> t.upper() != null;
                case QUALITATIVE -> t.grade() != null;
                case HIGHER, LOWER -> t.value() != null && t.upper() == null;
            };
        }

        @Override
        public void emit(Typed r, Emit e) {
            Opd o = r.opd(OPD);
            FieldType.Quantity t = (FieldType.Quantity) r.get(TARGET);
            FieldType.Quantity real = (FieldType.Quantity) r.get(REALISASI);
            String name = r.text(INDIKATOR);
            String targetText = Layout.clean(r.raw(TARGET));
            // the pemda's reference may say what the table does not: the direction, a year's target
            IndikatorRule rule = directory.indikatorRule(o.id(), name).orElse(null);
            String given = rule == null ? null : rule.target().get(r.integer(TAHUN));
            if (given != null) {
                FieldType.Quantity fromRule;
                try {
                    fromRule = FieldType.quantity(Layout.clean(given));
                } catch (FieldType.Bad bad) {
                    e.problem(r, TARGET, "etl.error.reference_target_bad", given, rule.file(), rule.path());
                    return;
                }
                if (t == null) {
                    t = fromRule;
                    targetText = given;
                } else if (!Objects.equals(t.value(), fromRule.value())
                        || !Objects.equals(t.upper(), fromRule.upper())
                        || !Objects.equals(t.grade(), fromRule.grade())) {
                    e.problem(r, TARGET, "etl.error.target_differs_from_reference", given, rule.file(), rule.path());
                    return;
                }
            }
            if (t == null) {
                e.problem(r, TARGET, "etl.error.missing_value");
                return;
            }
            Capaian.Arah direction;
            if (rule != null && rule.arah() != null) {
                direction = fromReference(rule.arah());
                if (!fits(direction, t)) {
                    e.problem(r, TARGET, "etl.error.target_not_for_arah", targetText, rule.arah(), rule.file());
                    return;
                }
            } else {
                direction = direction(r.text(ARAH), t);
            }
            String k = o.id() + "|" + IndikatorRule.key(name);
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
            BandSet grades = e.rules.bandSet(directory.pemda(o.pemdaId()).bandPredikat());
            Double computed =
                    switch (direction) {
                        case QUALITATIVE -> real == null ? null : Capaian.qualitative(real.grade(), t.grade(), grades);
                        case RANGE -> real == null ? null : Capaian.range(real.value(), t.value(), t.upper());
                        case LOWER -> real == null ? null : Capaian.lower(real.value(), t.value());
                        case HIGHER -> real == null ? null : Capaian.higher(real.value(), t.value());
                    };
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_INDIKATOR_ID, id);
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
            out.set(COL_TARGET_TEXT, targetText);
            out.set(COL_TARGET, t.value());
            out.set(COL_TARGET_UPPER, t.upper());
            out.set(COL_TARGET_GRADE, t.grade());
            out.set(COL_REALISASI_TEXT, Layout.clean(r.raw(REALISASI)));
            out.set(COL_REALISASI, real == null ? null : real.value());
            out.set(COL_REALISASI_GRADE, real == null ? null : real.grade());
            out.set(COL_SATUAN, r.text(SATUAN) != null ? r.text(SATUAN) : t.unit());
            out.set(COL_ARAH, direction.name().toLowerCase(Locale.ROOT));
            out.set(COL_CAPAIAN, r.hundredths(CAPAIAN));
            out.set(COL_CAPAIAN_COMPUTED, computed);
            out.set(COL_RULE_VERSION, Capaian.RULE_VERSION);
            out.set(COL_ROW_NO, r.row());
        }

        @Override
        public void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
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
}
