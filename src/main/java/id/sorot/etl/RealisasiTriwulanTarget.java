package id.sorot.etl;

import id.sorot.opd.Opd;
import java.sql.SQLException;
import java.util.HashMap;
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

    private static final Shape SHAPE = new Shape(
                    "realisasi_triwulan", "fact_realisasi_triwulan", RealisasiTriwulanTarget::new)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "item_id int",
                    "periode_id int",
                    "pagu decimal(18)",
                    "indikator varchar",
                    "satuan varchar",
                    "target_fisik double",
                    "realisasi_fisik double",
                    "target_keuangan_pct decimal(9)",
                    "realisasi_keuangan_pct decimal(9)",
                    "row_no int")
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "year:periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int TRIWULAN = SHAPE.required("triwulan", FieldType.TRIWULAN);
    private static final int NOMOR = SHAPE.optional("nomor", FieldType.TEXT);
    private static final int KODE = SHAPE.optional("kode", FieldType.KODE);
    private static final int NAMA = SHAPE.optional("nama", FieldType.TEXT);
    private static final int INDIKATOR = SHAPE.optional("indikator", FieldType.TEXT);
    private static final int PAGU = SHAPE.optional("pagu", FieldType.MONEY);
    private static final int TARGET_FISIK = SHAPE.optional("target_fisik", FieldType.QUANTITY);
    private static final int REALISASI_FISIK = SHAPE.optional("realisasi_fisik", FieldType.QUANTITY);
    private static final int TARGET_KEUANGAN = SHAPE.optional("target_keuangan_pct", FieldType.DECIMAL);
    private static final int REALISASI_KEUANGAN = SHAPE.optional("realisasi_keuangan_pct", FieldType.DECIMAL);

    private ItemTree tree;
    private final Map<Integer, ItemTree.Cursor> cursors = new HashMap<>();
    private final Map<Integer, ItemTree.Item> byRow = new HashMap<>();

    RealisasiTriwulanTarget() {
        super(SHAPE);
    }

    /** By kode, rows stand alone; by name, they are matched in order and must be read in one pass. */
    @Override
    boolean splittable() {
        return fed(KODE);
    }

    @Override
    Target fork() {
        RealisasiTriwulanTarget copy = (RealisasiTriwulanTarget) super.fork();
        copy.tree = tree;
        copy.byKode = byKode;
        return copy;
    }

    /** Whether rows name their sub kegiatan by kode (else by name, in tree order). */
    private boolean byKode;

    @Override
    void prepare(Prepare ctx) throws SQLException {
        // by kode, a file may touch every OPD of every pemda: read only the kode of their items
        byKode = fed(KODE);
        tree = byKode && ctx.opd() == null
                ? ItemTree.loadKodes(ctx.connection(), ctx.allocator())
                : ItemTree.load(
                        ctx.connection(),
                        ctx.opd() == null ? null : Set.of(ctx.opd().id()));
    }

    /** The item of the previous row: a sub kegiatan's four triwulan come one after the other. */
    private ItemTree.Item last;

    private ItemTree.Item item(Typed r, Emit e) {
        Opd o = r.opd(OPD);
        if (byKode) {
            String k = r.text(KODE);
            if (k == null) {
                e.problem(r, KODE, "etl.error.missing_value");
                return null;
            }
            if (last != null && last.opdId() == o.id() && last.kode().equals(k)) return last;
            ItemTree.Item item = tree.byKode(o.id(), k);
            if (item != null) return last = item;
            String name = r.text(NAMA);
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
        String no = r.text(NOMOR);
        boolean program = no != null && no.matches("(?i)[IVXL]+\\.?");
        if (!program && r.source.continuationRow >= 0) {
            ItemTree.Cursor cursor = cursors.computeIfAbsent(o.id(), id -> new ItemTree.Cursor(tree.of(id)));
            if (cursor.isEmpty()) {
                e.problem(r, NAMA, "etl.error.no_item_tree", o.singkatan());
            } else {
                item = cursor.match(r.text(NAMA), SUB);
                if (item == null) {
                    e.problem(
                            r,
                            NAMA,
                            "etl.error.unknown_item",
                            r.text(NAMA),
                            String.join("; ", cursor.closest(r.text(NAMA), 3)));
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
        Opd o = r.opd(OPD);
        FieldType.Quantity plan = (FieldType.Quantity) r.get(TARGET_FISIK);
        FieldType.Quantity done = (FieldType.Quantity) r.get(REALISASI_FISIK);
        String satuan = plan != null && plan.unit() != null ? plan.unit() : done != null ? done.unit() : null;
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(TAHUN) * 10 + r.integer(TRIWULAN));
        out.setHundredths(4, r.hundredths(PAGU));
        out.setString(5, r.text(INDIKATOR));
        out.setString(6, satuan);
        out.setDouble(7, plan == null ? null : plan.value());
        out.setDouble(8, done == null ? null : done.value());
        out.setHundredths(9, r.hundredths(TARGET_KEUANGAN));
        out.setHundredths(10, r.hundredths(REALISASI_KEUANGAN));
        out.setInt(11, r.row());
    }

    @Override
    void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
        tree.write(c);
    }
}
