package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * An OPD's budget tree by kode (fact_anggaran): pagu murni and after the APBD-P per program,
 * kegiatan and sub kegiatan. It also builds the OPD's program / kegiatan / sub kegiatan dimension,
 * which tables that print names only are matched against. The level of a row comes from the number
 * of parts of its kode, as the job's {@code levels} option says ("1=program, 3=kegiatan, 4=sub_kegiatan").
 */
final class AnggaranTarget extends Target {

    private static final Shape SHAPE = Shape.of("anggaran", "fact_anggaran")
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_ITEM_ID = SHAPE.intColumn("item_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_LEVEL = SHAPE.textColumn("level");
    private static final FactBuffer.DecimalCol COL_PAGU_MURNI = SHAPE.decimalColumn("pagu_murni", 18);
    private static final FactBuffer.DecimalCol COL_PAGU_PERUBAHAN = SHAPE.decimalColumn("pagu_perubahan", 18);
    private static final FactBuffer.DecimalCol COL_SELISIH = SHAPE.decimalColumn("selisih", 18);
    private static final FactBuffer.DecimalCol COL_SELISIH_COMPUTED = SHAPE.decimalColumn("selisih_computed", 18);
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int KODE = SHAPE.required("kode", FieldType.KODE);
    private static final int NAMA = SHAPE.required("nama", FieldType.TEXT);
    private static final int MURNI = SHAPE.optional("pagu_murni", FieldType.MONEY);
    private static final int PERUBAHAN = SHAPE.required("pagu_perubahan", FieldType.MONEY);
    private static final int SELISIH = SHAPE.optional("selisih", FieldType.MONEY);

    AnggaranTarget() {
        super(SHAPE);
    }

    @Override
    public String checkOption(String key, String value) {
        if (!key.equals("levels")) return super.checkOption(key, value);
        try {
            return ItemTree.levels(value).isEmpty() ? "give parts=level pairs" : null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public Run open(Prepare ctx) throws SQLException {
        return new Load(ctx);
    }

    /** One load's state: what was looked up when it opened and what it keeps from row to row. */
    private static final class Load implements Run {
        private Map<Integer, String> levels;
        private ItemTree tree;
        private final Map<Level, ItemTree.Item> last = new EnumMap<>(Level.class);
        private int order;

        private enum Level {
            PROGRAM,
            KEGIATAN,
            SUB_KEGIATAN
        }

        Load(Prepare ctx) throws SQLException {
            levels = ItemTree.levels(ctx.options().getOrDefault("levels", "1=program, 3=kegiatan, 4=sub_kegiatan"));
            tree = ItemTree.load(
                    ctx.connection(),
                    ctx.opd() == null ? null : Set.of(ctx.opd().id()));
        }

        @Override
        public boolean counts(Typed r) {
            String k = r.text(KODE);
            return k != null && ItemTree.PROGRAM.equals(levels.get(k.split("\\.").length));
        }

        @Override
        public void emit(Typed r, Emit e) {
            Opd o = r.opd(OPD);
            String k = r.text(KODE);
            String level = levels.get(k.split("\\.").length);
            if (level == null) {
                e.problem(
                        r,
                        KODE,
                        "etl.error.kode_level",
                        k,
                        String.join(
                                ", ",
                                levels.keySet().stream().map(String::valueOf).toList()));
                return;
            }
            Level l = Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
            ItemTree.Item parent =
                    switch (l) {
                        case PROGRAM -> null;
                        case KEGIATAN -> last.get(Level.PROGRAM);
                        case SUB_KEGIATAN -> last.get(Level.KEGIATAN);
                    };
            if (l != Level.PROGRAM && parent == null) {
                e.problem(r, KODE, "etl.error.orphan_item", k);
                return;
            }
            String programKode =
                    l == Level.PROGRAM ? k : last.get(Level.PROGRAM).kode();
            String kegiatanKode = l == Level.SUB_KEGIATAN ? parent.kode() : l == Level.KEGIATAN ? k : null;
            ItemTree.Item item = tree.upsert(
                    o.pemdaId(),
                    o.id(),
                    k,
                    level,
                    r.text(NAMA),
                    parent == null ? null : parent.id(),
                    programKode,
                    kegiatanKode,
                    ++order);
            last.put(l, item);
            if (l == Level.PROGRAM) last.remove(Level.KEGIATAN);
            Long before = r.hundredths(MURNI);
            Long after = r.hundredths(PERUBAHAN);
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_ITEM_ID, item.id());
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
            out.set(COL_LEVEL, level);
            out.set(COL_PAGU_MURNI, before);
            out.set(COL_PAGU_PERUBAHAN, after);
            out.set(COL_SELISIH, r.hundredths(SELISIH));
            out.set(COL_SELISIH_COMPUTED, before == null || after == null ? null : after - before);
            out.set(COL_ROW_NO, r.row());
        }

        @Override
        public void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
            tree.write(c);
        }
    }
}
