package id.sorot.etl;

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

    private static final Shape SHAPE = new Shape("anggaran", "fact_anggaran", null)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "item_id int",
                    "periode_id int",
                    "level varchar",
                    "pagu_murni decimal(18)",
                    "pagu_perubahan decimal(18)",
                    "selisih decimal(18)",
                    "selisih_computed decimal(18)",
                    "row_no int")
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int KODE = SHAPE.required("kode", FieldType.KODE);
    private static final int NAMA = SHAPE.required("nama", FieldType.TEXT);
    private static final int MURNI = SHAPE.optional("pagu_murni", FieldType.MONEY);
    private static final int PERUBAHAN = SHAPE.required("pagu_perubahan", FieldType.MONEY);
    private static final int SELISIH = SHAPE.optional("selisih", FieldType.MONEY);

    private Map<Integer, String> levels;
    private ItemTree tree;
    private final Map<Level, ItemTree.Item> last = new EnumMap<>(Level.class);
    private int order;

    private enum Level {
        PROGRAM,
        KEGIATAN,
        SUB_KEGIATAN
    }

    AnggaranTarget() {
        super(SHAPE);
    }

    @Override
    String checkOption(String key, String value) {
        if (!key.equals("levels")) return super.checkOption(key, value);
        try {
            return ItemTree.levels(value).isEmpty() ? "give parts=level pairs" : null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    void prepare(Prepare ctx) throws SQLException {
        levels = ItemTree.levels(ctx.options().getOrDefault("levels", "1=program, 3=kegiatan, 4=sub_kegiatan"));
        tree = ItemTree.load(
                ctx.connection(), ctx.opd() == null ? null : Set.of(ctx.opd().id()));
    }

    @Override
    boolean counts(Typed r) {
        String k = r.text(KODE);
        return k != null && ItemTree.PROGRAM.equals(levels.get(k.split("\\.").length));
    }

    @Override
    void emit(Typed r, Emit e) {
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
                            ", ", levels.keySet().stream().map(String::valueOf).toList()));
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
        String programKode = l == Level.PROGRAM ? k : last.get(Level.PROGRAM).kode();
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
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(TAHUN) * 10);
        out.setString(4, level);
        out.setHundredths(5, before);
        out.setHundredths(6, after);
        out.setHundredths(7, r.hundredths(SELISIH));
        out.setHundredths(8, before == null || after == null ? null : after - before);
        out.setInt(9, r.row());
    }

    @Override
    void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
        tree.write(c);
    }
}
