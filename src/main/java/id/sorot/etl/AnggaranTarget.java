package id.sorot.etl;

import id.sorot.opd.Opd;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
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

    private int opd;
    private int tahun;
    private int kode;
    private int nama;
    private int murni;
    private int perubahan;
    private int selisih;
    private Map<Integer, String> levels;
    private ItemTree tree;
    private final Map<Level, ItemTree.Item> last = new EnumMap<>(Level.class);
    private int order;

    private enum Level {
        PROGRAM,
        KEGIATAN,
        SUB_KEGIATAN
    }

    @Override
    String name() {
        return "anggaran";
    }

    @Override
    String table() {
        return "fact_anggaran";
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
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "opd", FieldType.Def.required(FieldType.OPD),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "kode", FieldType.Def.required(FieldType.KODE),
                "nama", FieldType.Def.required(FieldType.TEXT),
                "pagu_murni", FieldType.Def.optional(FieldType.MONEY),
                "pagu_perubahan", FieldType.Def.required(FieldType.MONEY),
                "selisih", FieldType.Def.optional(FieldType.MONEY));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("item_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("level", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.decimal("pagu_murni", 18),
                FactBuffer.Column.decimal("pagu_perubahan", 18),
                FactBuffer.Column.decimal("selisih", 18),
                FactBuffer.Column.decimal("selisih_computed", 18),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("item_id", "periode_id");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "opd_id", "periode_id");
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        opd = slot(slots, "opd");
        tahun = slot(slots, "tahun");
        kode = slot(slots, "kode");
        nama = slot(slots, "nama");
        murni = slot(slots, "pagu_murni");
        perubahan = slot(slots, "pagu_perubahan");
        selisih = slot(slots, "selisih");
    }

    @Override
    void prepare(Prepare ctx) throws SQLException {
        levels = ItemTree.levels(ctx.options().getOrDefault("levels", "1=program, 3=kegiatan, 4=sub_kegiatan"));
        tree = ItemTree.load(
                ctx.connection(), ctx.opd() == null ? null : Set.of(ctx.opd().id()));
    }

    @Override
    boolean counts(Typed r) {
        String k = r.text(kode);
        return k != null && ItemTree.PROGRAM.equals(levels.get(k.split("\\.").length));
    }

    @Override
    void emit(Typed r, Emit e) {
        Opd o = r.opd(opd);
        String k = r.text(kode);
        String level = levels.get(k.split("\\.").length);
        if (level == null) {
            e.problem(
                    r,
                    kode,
                    "kode",
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
            e.problem(r, kode, "kode", "etl.error.orphan_item", k);
            return;
        }
        String programKode = l == Level.PROGRAM ? k : last.get(Level.PROGRAM).kode();
        String kegiatanKode = l == Level.SUB_KEGIATAN ? parent.kode() : l == Level.KEGIATAN ? k : null;
        ItemTree.Item item = tree.upsert(
                o.pemdaId(),
                o.id(),
                k,
                level,
                r.text(nama),
                parent == null ? null : parent.id(),
                programKode,
                kegiatanKode,
                ++order);
        last.put(l, item);
        if (l == Level.PROGRAM) last.remove(Level.KEGIATAN);
        Long before = r.hundredths(murni);
        Long after = r.hundredths(perubahan);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(tahun) * 10);
        out.setString(4, level);
        out.setHundredths(5, before);
        out.setHundredths(6, after);
        out.setHundredths(7, r.hundredths(selisih));
        out.setHundredths(8, before == null || after == null ? null : after - before);
        out.setInt(9, r.row());
    }

    @Override
    void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
        tree.write(c);
    }
}
