package id.sorot.etl.target;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.read.PlanTarget;
import id.sorot.etl.read.Typed;
import id.sorot.opd.Opd;
import id.sorot.rules.PlanLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pohon kinerja as an outline (fact_pohon_kinerja): one row per indicator, each naming its node by
 * a dotted kode (1, 1.1, 1.1.2) whose parent is the kode without its last part. Rows are read in
 * order, so a parent must come before its children and a node's rows must stand together; a row
 * that breaks either, or disagrees with its node's jabatan or sasaran, is a problem with its row,
 * never attached somewhere by guess.
 */
final class PohonKinerjaTarget extends Target {

    private static final Shape SHAPE = Shape.of("pohon_kinerja", "fact_pohon_kinerja")
            .key("opd_id", "periode_id", "kode", "indikator_no")
            .scope("pemda_id", "opd_id", "periode_id");
    private static final FactBuffer.IntCol COL_PEMDA_ID = SHAPE.intColumn("pemda_id");
    private static final FactBuffer.IntCol COL_OPD_ID = SHAPE.intColumn("opd_id");
    private static final FactBuffer.IntCol COL_PERIODE_ID = SHAPE.intColumn("periode_id");
    private static final FactBuffer.TextCol COL_KODE = SHAPE.textColumn("kode");
    private static final FactBuffer.TextCol COL_PARENT_KODE = SHAPE.textColumn("parent_kode");
    private static final FactBuffer.IntCol COL_DEPTH = SHAPE.intColumn("depth");
    private static final FactBuffer.TextCol COL_LEVEL = SHAPE.textColumn("level");
    private static final FactBuffer.IntCol COL_NODE_NO = SHAPE.intColumn("node_no");
    private static final FactBuffer.TextCol COL_JABATAN = SHAPE.textColumn("jabatan");
    private static final FactBuffer.TextCol COL_SASARAN = SHAPE.textColumn("sasaran");
    private static final FactBuffer.IntCol COL_INDIKATOR_NO = SHAPE.intColumn("indikator_no");
    private static final FactBuffer.TextCol COL_INDIKATOR = SHAPE.textColumn("indikator");
    private static final FactBuffer.TextCol COL_SATUAN = SHAPE.textColumn("satuan");
    private static final FactBuffer.TextCol COL_TARGET_TEXT = SHAPE.textColumn("target_text");
    private static final FactBuffer.TextCol COL_TARGET_KIND = SHAPE.textColumn("target_kind");
    private static final FactBuffer.DoubleCol COL_TARGET = SHAPE.doubleColumn("target");
    private static final FactBuffer.DoubleCol COL_TARGET_UPPER = SHAPE.doubleColumn("target_upper");
    private static final FactBuffer.TextCol COL_TARGET_GRADE = SHAPE.textColumn("target_grade");
    private static final FactBuffer.TextCol COL_FORMULA = SHAPE.textColumn("formula");
    private static final FactBuffer.TextCol COL_SUMBER_DATA = SHAPE.textColumn("sumber_data");
    private static final FactBuffer.TextCol COL_PENANGGUNG_JAWAB = SHAPE.textColumn("penanggung_jawab");
    private static final FactBuffer.IntCol COL_ROW_NO = SHAPE.intColumn("row_no");
    private static final int PEMDA = SHAPE.optional("pemda", FieldType.PEMDA);
    private static final int OPD = SHAPE.required("opd", FieldType.OPD);
    private static final int TAHUN = SHAPE.required("tahun", FieldType.TAHUN);
    private static final int KODE = SHAPE.required("kode", FieldType.KODE);
    private static final int JABATAN = SHAPE.optional("jabatan", FieldType.TEXT);
    private static final int SASARAN = SHAPE.optional("sasaran", FieldType.TEXT);
    private static final int INDIKATOR = SHAPE.optional("indikator", FieldType.TEXT);
    private static final int SATUAN = SHAPE.optional("satuan", FieldType.TEXT);
    private static final int TARGET = SHAPE.optional("target", FieldType.PLAN_TARGET);
    private static final int FORMULA = SHAPE.optional("formula", FieldType.TEXT);
    private static final int SUMBER_DATA = SHAPE.optional("sumber_data", FieldType.TEXT);
    private static final int PENANGGUNG_JAWAB = SHAPE.optional("penanggung_jawab", FieldType.TEXT);

    PohonKinerjaTarget() {
        super(SHAPE);
    }

    /**
     * {@code jabatan}: the owner of every node of a table that names none, as a plan matrix of the
     * head's own tujuan and sasaran does ("Sekretaris Daerah").
     */
    @Override
    public String checkOption(String key, String value) {
        if (!key.equals("jabatan")) return super.checkOption(key, value);
        return value == null || value.isBlank() ? "give the jabatan that owns the table's nodes" : null;
    }

    @Override
    public Run open(Prepare ctx) {
        return new Load(ctx.options().get("jabatan"));
    }

    /** "Tujuan : Meningkatkan ..." names its level; the level is the node's, the text is the rest. */
    private static final java.util.regex.Pattern LEVEL_LABEL =
            java.util.regex.Pattern.compile("^(?i)(tujuan|sasaran(\\s+strategis)?)\\s*:\\s*");

    /** What one load keeps from row to row: the nodes seen so far, in order, and the current one. */
    private static final class Load implements Run {
        private final String owner;
        /** One tree per year: a multi-year table (a Renstra matrix) gives each year its own rows. */
        private final Map<Integer, Year> years = new HashMap<>();

        private static final class Year {
            final Map<String, Node> nodes = new HashMap<>();
            Node current;
            String headJabatan;
        }

        Load(String owner) {
            this.owner = owner;
        }

        private static final class Node {
            final String kode;
            final String parentKode;
            final PlanLevel level;
            final int no;
            final int firstRow;
            final String jabatan;
            final String sasaran;
            int indicators;
            boolean withoutIndicator;

            Node(
                    String kode,
                    String parentKode,
                    PlanLevel level,
                    int no,
                    int firstRow,
                    String jabatan,
                    String sasaran) {
                this.kode = kode;
                this.parentKode = parentKode;
                this.level = level;
                this.no = no;
                this.firstRow = firstRow;
                this.jabatan = jabatan;
                this.sasaran = sasaran;
            }
        }

        @Override
        public void emit(Typed r, Emit e) {
            String kode = r.text(KODE);
            String jabatan = r.text(JABATAN) != null ? r.text(JABATAN) : owner;
            if (jabatan == null) {
                e.problem(r, JABATAN, "etl.error.pohon_no_jabatan", kode);
                return;
            }
            String sasaran = r.text(SASARAN) == null
                    ? null
                    : LEVEL_LABEL.matcher(r.text(SASARAN)).replaceFirst("");
            Year year = years.computeIfAbsent(r.integer(TAHUN), y -> new Year());
            Map<String, Node> nodes = year.nodes;
            Node node = nodes.get(kode);
            if (node == null) {
                int dot = kode.lastIndexOf('.');
                String parentKode = dot < 0 ? null : kode.substring(0, dot);
                Node parent = parentKode == null ? null : nodes.get(parentKode);
                if (parentKode != null && parent == null) {
                    e.problem(r, KODE, "etl.error.pohon_orphan", kode, parentKode);
                    return;
                }
                if (parent == null) year.headJabatan = jabatan;
                PlanLevel level = PlanLevel.ofOutline(jabatan, parent == null ? null : parent.level, year.headJabatan);
                node = new Node(kode, parentKode, level, nodes.size() + 1, r.row(), jabatan, sasaran);
                nodes.put(kode, node);
            } else if (node != year.current) {
                e.problem(r, KODE, "etl.error.pohon_split", kode, node.firstRow);
                return;
            } else if (!Objects.equals(node.jabatan, jabatan)) {
                e.problem(
                        r, JABATAN, "etl.error.pohon_conflict", kode, "jabatan", jabatan, node.jabatan, node.firstRow);
                return;
            } else if (!Objects.equals(node.sasaran, sasaran)) {
                e.problem(
                        r, SASARAN, "etl.error.pohon_conflict", kode, "sasaran", sasaran, node.sasaran, node.firstRow);
                return;
            }
            year.current = node;
            String indikator = r.text(INDIKATOR);
            PlanTarget target = (PlanTarget) r.get(TARGET);
            if (indikator == null && target != null) {
                e.problem(r, TARGET, "etl.error.pohon_target_without_indicator", r.raw(TARGET));
                return;
            }
            // an empty indicator marks a node without one; beside indicators it would say nothing true
            if (indikator == null ? node.indicators > 0 : node.withoutIndicator) {
                e.problem(r, INDIKATOR, "etl.error.pohon_mixed", kode, node.firstRow);
                return;
            }
            if (indikator == null) node.withoutIndicator = true;
            else node.indicators++;
            Opd o = r.opd(OPD);
            FactBuffer out = e.out;
            out.startRow();
            out.set(COL_PEMDA_ID, o.pemdaId());
            out.set(COL_OPD_ID, o.id());
            out.set(COL_PERIODE_ID, r.integer(TAHUN) * 10);
            out.set(COL_KODE, kode);
            out.set(COL_PARENT_KODE, node.parentKode);
            out.set(COL_DEPTH, kode.split("\\.").length);
            out.set(COL_LEVEL, node.level.code());
            out.set(COL_NODE_NO, node.no);
            out.set(COL_JABATAN, jabatan);
            out.set(COL_SASARAN, sasaran);
            out.set(COL_INDIKATOR_NO, indikator == null ? 0 : node.indicators);
            out.set(COL_INDIKATOR, indikator);
            out.set(COL_SATUAN, r.text(SATUAN) != null ? r.text(SATUAN) : target == null ? null : target.unit());
            out.set(COL_TARGET_TEXT, target == null ? null : r.raw(TARGET).trim());
            out.set(COL_TARGET_KIND, target == null ? null : target.kind().code());
            out.set(COL_TARGET, target == null ? null : target.value());
            out.set(COL_TARGET_UPPER, target == null ? null : target.upper());
            out.set(COL_TARGET_GRADE, target == null ? null : target.grade());
            out.set(COL_FORMULA, r.text(FORMULA));
            out.set(COL_SUMBER_DATA, r.text(SUMBER_DATA));
            out.set(COL_PENANGGUNG_JAWAB, r.text(PENANGGUNG_JAWAB));
            out.set(COL_ROW_NO, r.row());
        }
    }
}
