package id.sorot.etl;

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

    private static final Shape SHAPE = new Shape("realisasi_anggaran", "fact_realisasi_anggaran", null)
            .columns(
                    "pemda_id int",
                    "opd_id int",
                    "item_id int",
                    "periode_id int",
                    "level varchar",
                    "pagu_sebelum decimal(18)",
                    "pagu_setelah decimal(18)",
                    "realisasi decimal(18)",
                    "persen decimal(9)",
                    "persen_computed double",
                    "row_no int")
            .key("item_id", "periode_id")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int NAMA = SHAPE.required("nama", FieldType.TEXT);
    private static final int SEBELUM = SHAPE.optional("pagu_sebelum", FieldType.MONEY);
    private static final int SETELAH = SHAPE.required("pagu_setelah", FieldType.MONEY);
    private static final int REALISASI = SHAPE.required("realisasi", FieldType.MONEY);
    private static final int PERSEN = SHAPE.optional("persen", FieldType.DECIMAL);

    private ItemTree.Cursor cursor;
    private final Map<Integer, ItemTree.Item> matched = new java.util.HashMap<>();

    RealisasiAnggaranTarget() {
        super(SHAPE);
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
    boolean counts(Typed r) {
        ItemTree.Item item = matched.get(r.row());
        return item != null && ItemTree.PROGRAM.equals(item.level());
    }

    @Override
    void emit(Typed r, Emit e) {
        ItemTree.Item item = item(r, e);
        if (item == null) return;
        Opd o = r.opd(OPD);
        Long pagu = r.hundredths(SETELAH);
        Long spent = r.hundredths(REALISASI);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, item.id());
        out.setInt(3, r.integer(TAHUN) * 10);
        out.setString(4, item.level());
        out.setHundredths(5, r.hundredths(SEBELUM));
        out.setHundredths(6, pagu);
        out.setHundredths(7, spent);
        out.setHundredths(8, r.hundredths(PERSEN));
        out.setDouble(9, pagu == null || spent == null ? null : RuleService.serapan(spent / 100.0, pagu / 100.0));
        out.setInt(10, r.row());
    }
}
