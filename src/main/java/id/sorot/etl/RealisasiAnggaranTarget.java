package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.rules.RuleService;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pagu and realisasi after the APBD-P per program, kegiatan and sub kegiatan, from a table that
 * prints names only (fact_realisasi_anggaran). Names are matched, in tree order, against the OPD's
 * tree loaded from its kode table (job {@code setda_anggaran_murni_perubahan}); that table must be
 * loaded first.
 */
final class RealisasiAnggaranTarget extends Target {

    private static final Set<String> ALL_LEVELS = Set.of(ItemTree.PROGRAM, ItemTree.KEGIATAN, ItemTree.SUB_KEGIATAN);

    private int opd;
    private int tahun;
    private int nama;
    private int sebelum;
    private int setelah;
    private int realisasi;
    private int persen;
    private ItemTree.Cursor cursor;
    private final Map<Integer, ItemTree.Item> matched = new java.util.HashMap<>();

    @Override
    String name() {
        return "realisasi_anggaran";
    }

    @Override
    String table() {
        return "fact_realisasi_anggaran";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.of(
                "pemda", FieldType.Def.optional(FieldType.PEMDA),
                "opd", FieldType.Def.required(FieldType.OPD),
                "tahun", FieldType.Def.required(FieldType.TAHUN),
                "nama", FieldType.Def.required(FieldType.TEXT),
                "pagu_sebelum", FieldType.Def.optional(FieldType.MONEY),
                "pagu_setelah", FieldType.Def.required(FieldType.MONEY),
                "realisasi", FieldType.Def.required(FieldType.MONEY),
                "persen", FieldType.Def.optional(FieldType.DECIMAL));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("item_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("level", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.decimal("pagu_sebelum", 18),
                FactBuffer.Column.decimal("pagu_setelah", 18),
                FactBuffer.Column.decimal("realisasi", 18),
                FactBuffer.Column.decimal("persen", 9),
                FactBuffer.Column.of("persen_computed", FactBuffer.Kind.DOUBLE),
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
        nama = slot(slots, "nama");
        sebelum = slot(slots, "pagu_sebelum");
        setelah = slot(slots, "pagu_setelah");
        realisasi = slot(slots, "realisasi");
        persen = slot(slots, "persen");
    }

    @Override
    void prepare(Prepare ctx) throws SQLException {
        if (ctx.opd() != null) {
            cursor = new ItemTree.Cursor(
                    ItemTree.load(ctx.connection(), Set.of(ctx.opd().id()))
                            .of(ctx.opd().id()));
        }
    }

    private ItemTree.Item item(Typed r, Emit e) {
        return matched.computeIfAbsent(r.row(), row -> {
            if (cursor == null || cursor.isEmpty()) {
                e.problem(r, nama, "nama", "etl.error.no_item_tree", r.opd(opd).singkatan());
                return null;
            }
            ItemTree.Item item = cursor.match(r.text(nama), ALL_LEVELS);
            if (item == null) {
                e.problem(
                        r,
                        nama,
                        "nama",
                        "etl.error.unknown_item",
                        r.text(nama),
                        String.join("; ", cursor.closest(r.text(nama), 3)));
            }
            return item;
        });
    }

    @Override
    boolean counts(Typed r) {
        ItemTree.Item item = matched.get(r.row());
        return item != null && ItemTree.PROGRAM.equals(item.level());
    }

    @Override
    void emit(Typed r, Emit e) {
        ItemTree.Item item = item(r, e);
        if (item == null) return;
        Opd o = r.opd(opd);
        Long pagu = r.hundredths(setelah);
        Long spent = r.hundredths(realisasi);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(tahun) * 10);
        out.setString(4, item.level());
        out.setHundredths(5, r.hundredths(sebelum));
        out.setHundredths(6, pagu);
        out.setHundredths(7, spent);
        out.setHundredths(8, r.hundredths(persen));
        out.setDouble(9, pagu == null || spent == null ? null : RuleService.serapan(spent / 100.0, pagu / 100.0));
        out.setInt(10, r.row());
    }
}
