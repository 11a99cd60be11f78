package id.sorot.etl;

import id.sorot.opd.Opd;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * Plan and realisation per sub kegiatan per triwulan (fact_realisasi_triwulan): physical output
 * and the share of pagu spent in the quarter. Two kinds of source feed it:
 *
 * <ul>
 *   <li>by kode, one row per sub kegiatan and triwulan (SIPD / SIMPELBANG exports): a kode the OPD
 *       does not have yet is added to its tree, since the kode is authoritative;
 *   <li>by name, from the LKIP's Lampiran (a Target row and its Realisasi row, four triwulan side
 *       by side): only rows that have a Realisasi row are sub kegiatan; programs (roman numerals) and
 *       kegiatan shape the tree and are weighted up from their sub kegiatan by pagu, not stored.
 * </ul>
 */
final class RealisasiTriwulanTarget extends Target {

    private static final Set<String> SUB = Set.of(ItemTree.SUB_KEGIATAN);

    private int opd;
    private int tahun;
    private int triwulan;
    private int nomor;
    private int kode;
    private int nama;
    private int indikator;
    private int pagu;
    private int targetFisik;
    private int realisasiFisik;
    private int targetKeuangan;
    private int realisasiKeuangan;
    private ItemTree tree;
    private final Map<Integer, ItemTree.Cursor> cursors = new HashMap<>();
    private final Map<Integer, ItemTree.Item> byRow = new HashMap<>();

    @Override
    String name() {
        return "realisasi_triwulan";
    }

    @Override
    String table() {
        return "fact_realisasi_triwulan";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.ofEntries(
                Map.entry("pemda", FieldType.Def.optional(FieldType.PEMDA)),
                Map.entry("opd", FieldType.Def.required(FieldType.OPD)),
                Map.entry("tahun", FieldType.Def.required(FieldType.TAHUN)),
                Map.entry("triwulan", FieldType.Def.required(FieldType.TRIWULAN)),
                Map.entry("nomor", FieldType.Def.optional(FieldType.TEXT)),
                Map.entry("kode", FieldType.Def.optional(FieldType.KODE)),
                Map.entry("nama", FieldType.Def.optional(FieldType.TEXT)),
                Map.entry("indikator", FieldType.Def.optional(FieldType.TEXT)),
                Map.entry("pagu", FieldType.Def.optional(FieldType.MONEY)),
                Map.entry("target_fisik", FieldType.Def.optional(FieldType.QUANTITY)),
                Map.entry("realisasi_fisik", FieldType.Def.optional(FieldType.QUANTITY)),
                Map.entry("target_keuangan_pct", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("realisasi_keuangan_pct", FieldType.Def.optional(FieldType.DECIMAL)));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("item_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("pagu", 18),
                FactBuffer.Column.of("indikator", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("satuan", FactBuffer.Kind.VARCHAR),
                FactBuffer.Column.of("target_fisik", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("realisasi_fisik", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.decimal("target_keuangan_pct", 9),
                FactBuffer.Column.decimal("realisasi_keuangan_pct", 9),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("item_id", "periode_id");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "opd_id", "year:periode_id");
    }

    /** By kode, rows stand alone; by name, they are matched in order and must be read in one pass. */
    @Override
    boolean splittable() {
        return kode >= 0;
    }

    @Override
    Target fork() {
        RealisasiTriwulanTarget copy = copy(new RealisasiTriwulanTarget());
        copy.tree = tree;
        return copy;
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        opd = slot(slots, "opd");
        tahun = slot(slots, "tahun");
        triwulan = slot(slots, "triwulan");
        nomor = slot(slots, "nomor");
        kode = slot(slots, "kode");
        nama = slot(slots, "nama");
        indikator = slot(slots, "indikator");
        pagu = slot(slots, "pagu");
        targetFisik = slot(slots, "target_fisik");
        realisasiFisik = slot(slots, "realisasi_fisik");
        targetKeuangan = slot(slots, "target_keuangan_pct");
        realisasiKeuangan = slot(slots, "realisasi_keuangan_pct");
    }

    @Override
    void prepare(Prepare ctx) throws SQLException {
        // by kode, a file may touch every OPD of every pemda: read only the kode of their items
        tree = kode >= 0 && ctx.opd() == null
                ? ItemTree.loadKodes(ctx.connection(), ctx.allocator())
                : ItemTree.load(
                        ctx.connection(),
                        ctx.opd() == null ? null : Set.of(ctx.opd().id()));
    }

    /** The item of the previous row: a sub kegiatan's four triwulan come one after the other. */
    private ItemTree.Item last;

    private ItemTree.Item item(Typed r, Emit e) {
        Opd o = r.opd(opd);
        if (kode >= 0) {
            String k = r.text(kode);
            if (k == null) {
                e.problem(r, kode, "kode", "etl.error.missing_value");
                return null;
            }
            if (last != null && last.opdId() == o.id() && last.kode().equals(k)) return last;
            ItemTree.Item item = tree.byKode(o.id(), k);
            if (item != null) return last = item;
            String name = r.text(nama);
            return last = tree.upsert(
                    o.pemdaId(),
                    o.id(),
                    k,
                    ItemTree.SUB_KEGIATAN,
                    name == null ? k : name,
                    null,
                    null,
                    null,
                    tree.of(o.id()).size() + 1);
        }
        if (byRow.containsKey(r.row())) return byRow.get(r.row());
        ItemTree.Item item = null;
        String no = r.text(nomor);
        boolean program = no != null && no.matches("(?i)[IVXL]+\\.?");
        if (!program && r.source.continuationRow >= 0) {
            ItemTree.Cursor cursor = cursors.computeIfAbsent(o.id(), id -> new ItemTree.Cursor(tree.of(id)));
            if (cursor.isEmpty()) {
                e.problem(r, nama, "nama", "etl.error.no_item_tree", o.singkatan());
            } else {
                item = cursor.match(r.text(nama), SUB);
                if (item == null) {
                    e.problem(
                            r,
                            nama,
                            "nama",
                            "etl.error.unknown_item",
                            r.text(nama),
                            String.join("; ", cursor.closest(r.text(nama), 3)));
                }
            }
        }
        byRow.put(r.row(), item);
        return item;
    }

    @Override
    void emit(Typed r, Emit e) {
        ItemTree.Item item = item(r, e);
        if (item == null) return;
        Opd o = r.opd(opd);
        FieldType.Quantity plan = (FieldType.Quantity) r.get(targetFisik);
        FieldType.Quantity done = (FieldType.Quantity) r.get(realisasiFisik);
        String satuan = plan != null && plan.unit() != null ? plan.unit() : done != null ? done.unit() : null;
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(tahun) * 10 + r.integer(triwulan));
        out.setHundredths(4, r.hundredths(pagu));
        out.setString(5, r.text(indikator));
        out.setString(6, satuan);
        out.setDouble(7, plan == null ? null : plan.value());
        out.setDouble(8, done == null ? null : done.value());
        out.setHundredths(9, r.hundredths(targetKeuangan));
        out.setHundredths(10, r.hundredths(realisasiKeuangan));
        out.setInt(11, r.row());
    }

    @Override
    void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
        tree.write(c);
    }
}
