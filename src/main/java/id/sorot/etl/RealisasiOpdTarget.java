package id.sorot.etl;

import id.sorot.opd.Opd;
import id.sorot.rules.RuleService;
import java.util.List;
import java.util.Map;

/**
 * Realisasi keuangan and fisik per OPD (fact_realisasi_opd), for a year or a triwulan. The source's
 * percentages and deviasi are kept; Sorot's own (realisasi Rp / anggaran, realisasi - rencana) are
 * stored beside them. When a row carries both kode and name, they must name the same OPD.
 */
final class RealisasiOpdTarget extends Target {

    private int pemda;
    private int opd;
    private int nama;
    private int tahun;
    private int triwulan;
    private int anggaran;
    private int rencanaRp;
    private int rencanaPct;
    private int realisasiRp;
    private int realisasiPct;
    private int rencanaFisik;
    private int realisasiFisik;
    private int deviasiKeuangan;
    private int deviasiFisik;
    private id.sorot.opd.OpdDirectory directory;

    @Override
    String name() {
        return "realisasi_opd";
    }

    @Override
    String table() {
        return "fact_realisasi_opd";
    }

    @Override
    Map<String, FieldType.Def> fields() {
        return Map.ofEntries(
                Map.entry("pemda", FieldType.Def.optional(FieldType.PEMDA)),
                Map.entry("opd", FieldType.Def.required(FieldType.OPD)),
                Map.entry("nama", FieldType.Def.optional(FieldType.TEXT)),
                Map.entry("tahun", FieldType.Def.required(FieldType.TAHUN)),
                Map.entry("triwulan", FieldType.Def.optional(FieldType.TRIWULAN)),
                Map.entry("anggaran", FieldType.Def.required(FieldType.MONEY)),
                Map.entry("rencana_keuangan_rp", FieldType.Def.optional(FieldType.MONEY)),
                Map.entry("rencana_keuangan_pct", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("realisasi_keuangan_rp", FieldType.Def.required(FieldType.MONEY)),
                Map.entry("realisasi_keuangan_pct", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("rencana_fisik_pct", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("realisasi_fisik_pct", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("deviasi_keuangan", FieldType.Def.optional(FieldType.DECIMAL)),
                Map.entry("deviasi_fisik", FieldType.Def.optional(FieldType.DECIMAL)));
    }

    @Override
    List<FactBuffer.Column> columns() {
        return List.of(
                FactBuffer.Column.of("pemda_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("opd_id", FactBuffer.Kind.INT),
                FactBuffer.Column.of("periode_id", FactBuffer.Kind.INT),
                FactBuffer.Column.decimal("anggaran", 18),
                FactBuffer.Column.decimal("rencana_keuangan_rp", 18),
                FactBuffer.Column.decimal("rencana_keuangan_pct", 9),
                FactBuffer.Column.decimal("realisasi_keuangan_rp", 18),
                FactBuffer.Column.decimal("realisasi_keuangan_pct", 9),
                FactBuffer.Column.of("realisasi_keuangan_pct_computed", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.decimal("rencana_fisik_pct", 9),
                FactBuffer.Column.decimal("realisasi_fisik_pct", 9),
                FactBuffer.Column.decimal("deviasi_keuangan", 9),
                FactBuffer.Column.of("deviasi_keuangan_computed", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.decimal("deviasi_fisik", 9),
                FactBuffer.Column.of("deviasi_fisik_computed", FactBuffer.Kind.DOUBLE),
                FactBuffer.Column.of("row_no", FactBuffer.Kind.INT));
    }

    @Override
    List<String> key() {
        return List.of("opd_id", "periode_id");
    }

    @Override
    List<String> scope() {
        return List.of("pemda_id", "periode_id");
    }

    @Override
    boolean splittable() {
        return true;
    }

    @Override
    Target fork() {
        RealisasiOpdTarget copy = copy(new RealisasiOpdTarget());
        copy.directory = directory;
        return copy;
    }

    @Override
    void bind(LayoutReader.Slots slots) {
        pemda = slot(slots, "pemda");
        opd = slot(slots, "opd");
        nama = slot(slots, "nama");
        tahun = slot(slots, "tahun");
        triwulan = slot(slots, "triwulan");
        anggaran = slot(slots, "anggaran");
        rencanaRp = slot(slots, "rencana_keuangan_rp");
        rencanaPct = slot(slots, "rencana_keuangan_pct");
        realisasiRp = slot(slots, "realisasi_keuangan_rp");
        realisasiPct = slot(slots, "realisasi_keuangan_pct");
        rencanaFisik = slot(slots, "rencana_fisik_pct");
        realisasiFisik = slot(slots, "realisasi_fisik_pct");
        deviasiKeuangan = slot(slots, "deviasi_keuangan");
        deviasiFisik = slot(slots, "deviasi_fisik");
    }

    @Override
    void prepare(Prepare ctx) {
        directory = ctx.directory();
    }

    @Override
    void emit(Typed r, Emit e) {
        Opd o = r.opd(opd);
        String name = r.text(nama);
        if (name != null) {
            Opd named = directory.findOpd(o.pemdaId(), name).orElse(null);
            if (named != null && named.id() != o.id()) {
                e.problem(r, nama, "nama", "etl.error.name_kode_mismatch", o.kode(), o.singkatan(), named.singkatan());
                return;
            }
        }
        Long pagu = r.hundredths(anggaran);
        Long spent = r.hundredths(realisasiRp);
        if (pagu == null || pagu < 0) {
            e.problem(r, anggaran, "anggaran", "etl.error.missing_value");
            return;
        }
        if (spent == null) {
            e.problem(r, realisasiRp, "realisasi_keuangan_rp", "etl.error.missing_value");
            return;
        }
        Double serapan = RuleService.serapan(spent / 100.0, pagu / 100.0);
        Double rencanaKeu = r.number(rencanaPct);
        Double rencanaFis = r.number(rencanaFisik);
        Integer tw = r.integer(triwulan);
        FactBuffer out = e.out;
        out.startRow();
        out.setInt(0, o.pemdaId());
        out.setInt(1, o.id());
        out.setInt(2, r.integer(tahun) * 10 + (tw == null ? 0 : tw));
        out.setHundredths(3, pagu);
        out.setHundredths(4, r.hundredths(rencanaRp));
        out.setHundredths(5, r.hundredths(rencanaPct));
        out.setHundredths(6, spent);
        out.setHundredths(7, r.hundredths(realisasiPct));
        out.setDouble(8, serapan);
        out.setHundredths(9, r.hundredths(rencanaFisik));
        out.setHundredths(10, r.hundredths(realisasiFisik));
        out.setHundredths(11, r.hundredths(deviasiKeuangan));
        out.setDouble(12, RuleService.deviasi(serapan, rencanaKeu));
        out.setHundredths(13, r.hundredths(deviasiFisik));
        out.setDouble(14, RuleService.deviasi(r.number(realisasiFisik), rencanaFis));
        out.setInt(15, r.row());
    }
}
