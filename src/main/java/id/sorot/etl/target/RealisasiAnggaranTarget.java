package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.rules.RuleService;
import java.sql.SQLException;
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

    private static final Shape SHAPE = Shape.of("realisasi_anggaran", "fact_realisasi_anggaran")
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_ITEM_ID = SHAPE.intColumn("item_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_LEVEL = SHAPE.textColumn("level");
    private static final FactBuffer.DecimalCol COL_PAGU_SEBELUM = SHAPE.decimalColumn("pagu_sebelum", 18);
    private static final FactBuffer.DecimalCol COL_PAGU_SETELAH = SHAPE.decimalColumn("pagu_setelah", 18);
    private static final FactBuffer.DecimalCol COL_REALISASI = SHAPE.decimalColumn("realisasi", 18);
    private static final FactBuffer.DecimalCol COL_PERSEN = SHAPE.decimalColumn("persen", 9);
    private static final FactBuffer.DoubleCol COL_PERSEN_COMPUTED = SHAPE.doubleColumn("persen_computed");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NAMA = SHAPE.required("nama", FieldType.TEXT);
    private static final int SEBELUM = SHAPE.optional("pagu_sebelum", FieldType.MONEY);
    private static final int SETELAH = SHAPE.required("pagu_setelah", FieldType.MONEY);
    private static final int REALISASI = SHAPE.required("realisasi", FieldType.MONEY);
    private static final int PERSEN = SHAPE.optional("persen", FieldType.DECIMAL);

    RealisasiAnggaranTarget() {
        super(SHAPE);
    }

    @Override
    public Run open(Prepare ctx) throws SQLException {
        return new Load(ctx);
    }

    /** One load's state: what was looked up when it opened and what it keeps from row to row. */
    private static final class Load implements Run {
        private ItemTree.Cursor cursor;
        private final Map<Integer, ItemTree.Item> matched = new java.util.HashMap<>();

        Load(Prepare ctx) throws SQLException {
            if (ctx.opd() != null) {
                cursor = new ItemTree.Cursor(
                        ItemTree.load(ctx.connection(), Set.of(ctx.opd().id()))
                                .of(ctx.opd().id()));
            }
        }

        private ItemTree.Item item(Typed r, Emit e) {
            return matched.computeIfAbsent(r.row(), row -> {
                if (cursor == null || cursor.isEmpty()) {
                    e.problem(r, NAMA, "etl.error.no_item_tree", r.opd(OPD).singkatan());
                    return null;
                }
                ItemTree.Item item = cursor.match(r.text(NAMA), ALL_LEVELS);
                if (item == null) {
                    e.problem(
                            r,
                            NAMA,
                            "etl.error.unknown_item",
                            r.text(NAMA),
                            String.join("; ", cursor.closest(r.text(NAMA), 3)));
                }
                return item;
            });
        }

        @Override
        public boolean counts(Typed r) {
            ItemTree.Item item = matched.get(r.row());
            return item != null && ItemTree.PROGRAM.equals(item.level());
        }

        @Override
        public void emit(Typed r, Emit e) {
            ItemTree.Item item = item(r, e);
            if (item == null) return;
            Opd o = r.opd(OPD);
            Long pagu = r.hundredths(SETELAH);
            Long spent = r.hundredths(REALISASI);
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_ITEM_ID, item.id());
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
            out.set(COL_LEVEL, item.level());
            out.set(COL_PAGU_SEBELUM, r.hundredths(SEBELUM));
            out.set(COL_PAGU_SETELAH, pagu);
            out.set(COL_REALISASI, spent);
            out.set(COL_PERSEN, r.hundredths(PERSEN));
            out.set(
                    COL_PERSEN_COMPUTED,
                    pagu == null || spent == null ? null : RuleService.serapan(spent / 100.0, pagu / 100.0));
            out.set(COL_ROW_NO, r.row());
        }
    }
}
