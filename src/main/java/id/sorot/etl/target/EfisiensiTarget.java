package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.rules.RuleService;
import java.util.Objects;

/**
 * The LKIP's "alokasi dan realisasi anggaran serta tingkat efisiensi" per IKU (fact_efisiensi): the
 * program that carries the indicator (the row with its capaian), then the kegiatan and sub kegiatan
 * under it, each with pagu, realisasi and serapan. Tingkat efisiensi = capaian kinerja - serapan
 * anggaran (GUIDE.md), recomputed from the program row beside the reported figure; the serapan of
 * every row is recomputed as realisasi / pagu. An indicator's rows end where the next indicator's
 * capaian row begins.
 */
final class EfisiensiTarget extends Target {

    private static final Shape SHAPE = Shape.of("efisiensi", "fact_efisiensi")
            .key("opd_id", "periode_id", "indikator", "program", "baris")
            // one table per IKU: a reload replaces that indicator's program, not the others'
            .scope("pemda_id", "opd_id", "periode_id", "indikator", "program");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_INDIKATOR = SHAPE.textColumn("indikator");
    private static final FactBuffer.TextCol COL_PROGRAM = SHAPE.textColumn("program");
    private static final FactBuffer.IntCol COL_BARIS = SHAPE.intColumn("baris");
    private static final FactBuffer.BoolCol COL_HEAD = SHAPE.booleanColumn("head");
    private static final FactBuffer.TextCol COL_NAMA = SHAPE.textColumn("nama");
    private static final FactBuffer.DecimalCol COL_PAGU = SHAPE.decimalColumn("pagu", 18);
    private static final FactBuffer.DecimalCol COL_REALISASI = SHAPE.decimalColumn("realisasi", 18);
    private static final FactBuffer.DecimalCol COL_PERSEN = SHAPE.decimalColumn("persen", 9);
    private static final FactBuffer.DoubleCol COL_PERSEN_COMPUTED = SHAPE.doubleColumn("persen_computed");
    private static final FactBuffer.DecimalCol COL_CAPAIAN = SHAPE.decimalColumn("capaian", 9);
    private static final FactBuffer.DecimalCol COL_EFISIENSI = SHAPE.decimalColumn("efisiensi", 9);
    private static final FactBuffer.DoubleCol COL_EFISIENSI_COMPUTED = SHAPE.doubleColumn("efisiensi_computed");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int INDIKATOR = SHAPE.required("indikator", FieldType.TEXT);
    private static final int NAMA = SHAPE.required("nama", FieldType.TEXT);
    private static final int PAGU = SHAPE.required("pagu", FieldType.MONEY);
    private static final int REALISASI = SHAPE.required("realisasi", FieldType.MONEY);
    private static final int PERSEN = SHAPE.optional("persen", FieldType.DECIMAL);
    private static final int CAPAIAN = SHAPE.optional("capaian", FieldType.DECIMAL);
    private static final int EFISIENSI = SHAPE.optional("efisiensi", FieldType.DECIMAL);

    EfisiensiTarget() {
        super(SHAPE);
    }

    @Override
    public Run open(Prepare ctx) {
        return new Load();
    }

    /** The program row of the indicator being read, and how many rows it has had. */
    private static final class Load implements Run {
        private String indikator;
        private String program;
        private Long capaian;
        private int baris;

        @Override
        public void emit(Typed r, Emit e) {
            Long rowCapaian = r.hundredths(CAPAIAN);
            boolean head = rowCapaian != null || !Objects.equals(indikator, r.text(INDIKATOR)) || program == null;
            if (head) {
                if (rowCapaian == null) {
                    e.problem(r, CAPAIAN, "etl.error.efisiensi_no_capaian", r.text(INDIKATOR));
                    return;
                }
                indikator = r.text(INDIKATOR);
                program = r.text(NAMA);
                capaian = rowCapaian;
                baris = 0;
            }
            baris++;
            Long pagu = r.hundredths(PAGU);
            Long realisasi = r.hundredths(REALISASI);
            Double serapan = RuleService.serapan(
                    realisasi == null ? null : realisasi / 100.0, pagu == null ? null : pagu / 100.0);
            Opd o = r.opd(OPD);
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
            out.set(COL_INDIKATOR, indikator);
            out.set(COL_PROGRAM, program);
            out.set(COL_BARIS, baris);
            out.set(COL_HEAD, head);
            out.set(COL_NAMA, r.text(NAMA));
            out.set(COL_PAGU, pagu);
            out.set(COL_REALISASI, realisasi);
            out.set(COL_PERSEN, r.hundredths(PERSEN));
            out.set(COL_PERSEN_COMPUTED, serapan);
            out.set(COL_CAPAIAN, head ? capaian : null);
            out.set(COL_EFISIENSI, head ? r.hundredths(EFISIENSI) : null);
            out.set(
                    COL_EFISIENSI_COMPUTED,
                    head && serapan != null ? RuleService.efisiensi(capaian / 100.0, serapan) : null);
            out.set(COL_ROW_NO, r.row());
        }
    }
}
