package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
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

    private static final Shape SHAPE = Shape.of("realisasi_triwulan", "fact_realisasi_triwulan")
            .splittable()
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "year:periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_ITEM_ID = SHAPE.intColumn("item_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.DecimalCol COL_PAGU = SHAPE.decimalColumn("pagu", 18);
    private static final FactBuffer.TextCol COL_INDIKATOR = SHAPE.textColumn("indikator");
    private static final FactBuffer.TextCol COL_SATUAN = SHAPE.textColumn("satuan");
    private static final FactBuffer.DoubleCol COL_TARGET_FISIK = SHAPE.doubleColumn("target_fisik");
    private static final FactBuffer.DoubleCol COL_REALISASI_FISIK = SHAPE.doubleColumn("realisasi_fisik");
    private static final FactBuffer.DecimalCol COL_TARGET_KEUANGAN_PCT = SHAPE.decimalColumn("target_keuangan_pct", 9);
    private static final FactBuffer.DecimalCol COL_REALISASI_KEUANGAN_PCT =
            SHAPE.decimalColumn("realisasi_keuangan_pct", 9);
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
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

    RealisasiTriwulanTarget() {
        super(SHAPE);
    }

    /** By kode, rows stand alone; by name, they are matched in order and must be read in one pass. */
    @Override
    public boolean splittable(Set<String> fed) {
        return fed.contains("kode");
    }

    @Override
    public Run open(Prepare ctx) throws SQLException {
        return new Load(ctx);
    }

    /** One load: the OPD's item tree, shared by the stretches of a file, and each stretch's place in it. */
    private static final class Load implements Run {
        private final ItemTree tree;
        /** Whether rows name their sub kegiatan by kode (else by name, in tree order). */
        private final boolean byKode;

        private final Map<Integer, ItemTree.Cursor> cursors = new HashMap<>();
        private final Map<Integer, ItemTree.Item> byRow = new HashMap<>();
        /** The item of the previous row: a sub kegiatan's four triwulan come one after the other. */
        private ItemTree.Item last;

        Load(Prepare ctx) throws SQLException {
            byKode = ctx.fed().contains("kode");
            // by kode, a file may touch every OPD of every pemda: read only the kode of their items
            tree = byKode && ctx.opd() == null
                    ? ItemTree.loadKodes(ctx.connection(), ctx.allocator())
                    : ItemTree.load(
                            ctx.connection(),
                            ctx.opd() == null ? null : Set.of(ctx.opd().id()));
        }

        private Load(Load shared) {
            tree = shared.tree;
            byKode = shared.byKode;
        }

        @Override
        public Run fork() {
            return new Load(this);
        }

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
            if (!program && r.continuationRow() >= 0) {
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
        public void emit(Typed r, Emit e) {
            ItemTree.Item item = item(r, e);
            if (item == null) return;
            Opd o = r.opd(OPD);
            FieldType.Quantity plan = (FieldType.Quantity) r.get(TARGET_FISIK);
            FieldType.Quantity done = (FieldType.Quantity) r.get(REALISASI_FISIK);
            String satuan = plan != null && plan.unit() != null ? plan.unit() : done != null ? done.unit() : null;
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_ITEM_ID, item.id());
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10 + r.integer(TRIWULAN));
            out.set(COL_PAGU, r.hundredths(PAGU));
            out.set(COL_INDIKATOR, r.text(INDIKATOR));
            out.set(COL_SATUAN, satuan);
            out.set(COL_TARGET_FISIK, plan == null ? null : plan.value());
            out.set(COL_REALISASI_FISIK, done == null ? null : done.value());
            out.set(COL_TARGET_KEUANGAN_PCT, r.hundredths(TARGET_KEUANGAN));
            out.set(COL_REALISASI_KEUANGAN_PCT, r.hundredths(REALISASI_KEUANGAN));
            out.set(COL_ROW_NO, r.row());
        }

        @Override
        public void beforeInsert(DuckDBConnection c, long batchId) throws SQLException {
            tree.write(c);
        }
    }
}
