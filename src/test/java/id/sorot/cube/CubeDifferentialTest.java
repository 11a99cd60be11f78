package id.sorot.cube;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.SorotTest;
import id.sorot.base.duckdb.Store;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every measure of every cube, asked through {@code POST /api/v1/cubes/{cube}/query}, equals the
 * same figure written by hand in DuckDB SQL over the star schema, on the Kota Bekasi data.
 */
class CubeDifferentialTest extends SorotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREDIKAT =
            "CASE WHEN %1$s > 90 THEN 'AA' WHEN %1$s > 80 THEN 'A' WHEN %1$s > 70 THEN 'BB'"
                    + " WHEN %1$s > 60 THEN 'B' WHEN %1$s > 50 THEN 'CC' WHEN %1$s > 30 THEN 'C' ELSE 'D' END";

    @Autowired
    Store store;

    @Autowired
    CubeService cubeService;

    static List<Arguments> cubes() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("akip_opd", List.of("tahun", "opd_kode"), """
                WITH b AS (SELECT p.tahun, o.kode AS opd_kode, avg(f.nilai::DOUBLE) AS nilai, min(f.nilai) AS nilai_min,
                  max(f.nilai) AS nilai_max, count(DISTINCT f.opd_id) AS jumlah_opd,
                  sum(CASE WHEN f.predikat_efektif IN ('A', 'AA') THEN 1 ELSE 0 END) AS jumlah_a,
                  count(f.nilai) AS jumlah_bernilai, avg(f.predikat_urut::DOUBLE) AS urutan_predikat,
                  sum(CASE WHEN f.predikat_computed IS NOT NULL AND f.predikat IS DISTINCT FROM f.predikat_computed
                    THEN 1 ELSE 0 END) AS jumlah_beda_predikat
                  FROM fact_akip_opd f JOIN periode p USING (periode_id) JOIN opd o USING (opd_id) GROUP BY ALL)
                SELECT *, 100.0 * jumlah_a / jumlah_opd AS persen_a, %s AS predikat_nilai,
                  jumlah_opd - jumlah_bernilai AS jumlah_tanpa_nilai,
                  rank() OVER (PARTITION BY tahun ORDER BY urutan_predikat DESC, nilai DESC) AS peringkat,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN lag(urutan_predikat) OVER w END AS urutan_sebelumnya,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN nilai - lag(nilai) OVER w END AS perubahan,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN lag(nilai) OVER w END AS nilai_sebelumnya,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN %s END AS predikat_sebelumnya
                FROM b WINDOW w AS (PARTITION BY opd_kode ORDER BY tahun)""".formatted(
                        PREDIKAT.formatted("nilai"), PREDIKAT.formatted("lag(nilai) OVER w"))));
        out.add(Arguments.of(
                "akip_komponen", List.of("tahun", "komponen"), """
                SELECT p.tahun, f.komponen, sum(f.nilai) AS nilai, sum(f.bobot_rule) AS bobot,
                  100.0 * sum(f.nilai) / sum(f.bobot_rule) AS persen_bobot, %s AS predikat_nilai,
                  sum(CASE WHEN f.bobot_rule IS NOT NULL AND f.bobot IS DISTINCT FROM f.bobot_rule THEN 1 ELSE 0 END) AS jumlah_beda_bobot
                FROM fact_akip_komponen f JOIN periode p USING (periode_id) GROUP BY ALL""".formatted(PREDIKAT.formatted("sum(f.nilai)"))));
        out.add(Arguments.of("akip_pemda", List.of("tahun", "pemda_kode"), """
                WITH b AS (SELECT p.tahun, d.kode AS pemda_kode, avg(f.nilai::DOUBLE) AS nilai,
                  count(DISTINCT f.pemda_id) AS jumlah_pemda, count(f.nilai) AS jumlah_bernilai,
                  sum(CASE WHEN f.predikat_efektif IN ('A', 'AA') THEN 1 ELSE 0 END) AS jumlah_a,
                  avg(f.predikat_urut::DOUBLE) AS urutan_predikat
                  FROM fact_akip_pemda f JOIN periode p USING (periode_id) JOIN pemda d USING (pemda_id) GROUP BY ALL)
                SELECT *, %s AS predikat_nilai, 100.0 * jumlah_a / jumlah_pemda AS persen_a,
                  rank() OVER (PARTITION BY tahun ORDER BY urutan_predikat DESC, nilai DESC) AS peringkat,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN nilai - lag(nilai) OVER w END AS perubahan
                FROM b WINDOW w AS (PARTITION BY pemda_kode ORDER BY tahun)""".formatted(PREDIKAT.formatted("nilai"))));
        out.add(Arguments.of("ikm_unit", List.of("tahun", "jenis_unit"), """
                WITH b AS (SELECT p.tahun, u.jenis AS jenis_unit, avg(f.nilai::DOUBLE) AS nilai, min(f.nilai) AS nilai_min,
                  max(f.nilai) AS nilai_max, count(DISTINCT f.unit_id) AS jumlah_unit,
                  sum(CASE WHEN f.mutu_computed = 'A' THEN 1 ELSE 0 END) AS jumlah_mutu_a,
                  sum(CASE WHEN f.mutu_computed IS NOT NULL AND f.mutu IS DISTINCT FROM f.mutu_computed THEN 1 ELSE 0 END) AS jumlah_beda_mutu
                  FROM fact_ikm f JOIN periode p USING (periode_id) JOIN unit_layanan u USING (unit_id) GROUP BY ALL)
                SELECT *, CASE WHEN nilai >= 88.31 THEN 'A' WHEN nilai >= 76.61 THEN 'B' WHEN nilai >= 65.0 THEN 'C' ELSE 'D' END
                  AS mutu_nilai, 100.0 * jumlah_mutu_a / jumlah_unit AS persen_mutu_a,
                  rank() OVER (PARTITION BY tahun ORDER BY nilai DESC) AS peringkat,
                  rank() OVER (PARTITION BY tahun, jenis_unit ORDER BY nilai DESC) AS peringkat_jenis,
                  CASE WHEN lag(tahun) OVER w = tahun - 1 THEN nilai - lag(nilai) OVER w END AS perubahan
                FROM b WINDOW w AS (PARTITION BY jenis_unit ORDER BY tahun)"""));
        out.add(Arguments.of("realisasi_opd", List.of("tahun", "opd_kode"), """
                WITH b AS (SELECT p.tahun, o.kode AS opd_kode, sum(f.anggaran) AS anggaran,
                  sum(f.rencana_keuangan_rp) AS rencana_keuangan_rp, sum(f.realisasi_keuangan_rp) AS realisasi_keuangan_rp,
                  sum(f.rencana_fisik_pct::DOUBLE * f.anggaran) / sum(CASE WHEN f.rencana_fisik_pct IS NOT NULL THEN f.anggaran END) AS rencana_fisik,
                  sum(f.realisasi_fisik_pct::DOUBLE * f.anggaran) / sum(CASE WHEN f.realisasi_fisik_pct IS NOT NULL THEN f.anggaran END) AS realisasi_fisik,
                  avg(f.realisasi_keuangan_pct::DOUBLE) AS realisasi_keuangan_dilaporkan,
                  avg(f.deviasi_keuangan::DOUBLE) AS deviasi_keuangan_dilaporkan, avg(f.deviasi_fisik::DOUBLE) AS deviasi_fisik_dilaporkan,
                  avg(f.rencana_fisik_pct::DOUBLE) AS rencana_fisik_dilaporkan, avg(f.realisasi_fisik_pct::DOUBLE) AS realisasi_fisik_dilaporkan,
                  count(DISTINCT f.opd_id) AS jumlah_opd,
                  sum(CASE WHEN abs(f.realisasi_keuangan_pct - f.realisasi_keuangan_pct_computed) > 0.005 THEN 1 ELSE 0 END) AS jumlah_beda_persen,
                  sum(CASE WHEN abs(f.deviasi_keuangan - f.deviasi_keuangan_computed) > 0.005 THEN 1 ELSE 0 END) AS jumlah_beda_deviasi
                  FROM fact_realisasi_opd f JOIN periode p USING (periode_id) JOIN opd o USING (opd_id) GROUP BY ALL),
                c AS (SELECT *, 100.0 * rencana_keuangan_rp / anggaran AS rencana_keuangan,
                  100.0 * realisasi_keuangan_rp / anggaran AS realisasi_keuangan FROM b)
                SELECT *, realisasi_keuangan - rencana_keuangan AS deviasi_keuangan, realisasi_fisik - rencana_fisik AS deviasi_fisik,
                  realisasi_keuangan - realisasi_fisik AS selisih_keuangan_fisik,
                  rank() OVER (PARTITION BY tahun ORDER BY realisasi_keuangan DESC) AS peringkat_serapan, NULL AS perubahan_serapan
                FROM c"""));
        out.add(Arguments.of("realisasi_triwulan", List.of("triwulan", "kegiatan_kode"), """
                WITH b AS (SELECT p.triwulan, k.kode AS kegiatan_kode, max(f.pagu) AS pagu,
                  sum(f.target_keuangan_pct::DOUBLE * f.pagu) / sum(CASE WHEN f.target_keuangan_pct IS NOT NULL THEN f.pagu END) AS target_keuangan,
                  sum(f.realisasi_keuangan_pct::DOUBLE * f.pagu) / sum(CASE WHEN f.realisasi_keuangan_pct IS NOT NULL THEN f.pagu END) AS realisasi_keuangan,
                  sum(f.target_fisik) AS target_fisik, sum(f.realisasi_fisik) AS realisasi_fisik,
                  count(DISTINCT f.item_id) AS jumlah_sub_kegiatan
                  FROM fact_realisasi_triwulan f JOIN periode p USING (periode_id) JOIN kegiatan s USING (item_id)
                  LEFT JOIN kegiatan k ON k.item_id = s.parent_item_id GROUP BY ALL)
                SELECT *, realisasi_keuangan - target_keuangan AS deviasi_keuangan, 100.0 * realisasi_fisik / nullif(target_fisik, 0) AS capaian_fisik
                FROM b"""));
        out.add(Arguments.of("anggaran", List.of("level", "program_kode"), """
                SELECT f.level, k.program_kode, sum(f.pagu_murni) AS pagu_murni, sum(f.pagu_perubahan) AS pagu_perubahan,
                  sum(f.selisih_computed) AS selisih, sum(f.selisih) AS selisih_dilaporkan, count(f.item_id) AS jumlah_item,
                  sum(CASE WHEN f.selisih_computed IS NOT NULL AND f.selisih IS DISTINCT FROM f.selisih_computed THEN 1 ELSE 0 END) AS jumlah_beda_selisih
                FROM fact_anggaran f JOIN kegiatan k USING (item_id) GROUP BY ALL"""));
        out.add(Arguments.of("realisasi_anggaran", List.of("level", "program_kode"), """
                SELECT f.level, k.program_kode, sum(f.pagu_sebelum) AS pagu_sebelum, sum(f.pagu_setelah) AS pagu,
                  sum(f.realisasi) AS realisasi, 100.0 * sum(f.realisasi) / sum(f.pagu_setelah) AS persen,
                  avg(f.persen::DOUBLE) AS persen_dilaporkan,
                  sum(CASE WHEN f.persen_computed IS NOT NULL AND (f.persen IS NULL OR abs(f.persen - f.persen_computed) > 0.005) THEN 1 ELSE 0 END) AS jumlah_beda_persen
                FROM fact_realisasi_anggaran f JOIN kegiatan k USING (item_id) GROUP BY ALL"""));
        out.add(Arguments.of("iku", List.of("tahun", "sasaran"), """
                WITH b AS (SELECT p.tahun, i.sasaran, avg(f.capaian_computed) AS capaian, avg(f.capaian::DOUBLE) AS capaian_dilaporkan,
                  avg(f.target) AS target, avg(f.realisasi) AS realisasi, count(f.indikator_id) AS jumlah_iku,
                  sum(CASE WHEN f.capaian_computed >= 100 THEN 1 ELSE 0 END) AS jumlah_tercapai,
                  sum(CASE WHEN f.capaian_computed IS NOT NULL AND (f.capaian IS NULL OR abs(f.capaian - f.capaian_computed) > 0.01) THEN 1 ELSE 0 END) AS jumlah_beda_capaian
                  FROM fact_iku f JOIN periode p USING (periode_id) JOIN indikator i USING (indikator_id) GROUP BY ALL)
                SELECT *, 100.0 * jumlah_tercapai / jumlah_iku AS persen_tercapai,
                  CASE WHEN capaian > 91 THEN 'AA' WHEN capaian > 80 THEN 'A' WHEN capaian > 70 THEN 'BB' WHEN capaian > 60 THEN 'B'
                       WHEN capaian > 50 THEN 'CC' WHEN capaian > 30 THEN 'C' ELSE 'D' END AS rating
                FROM b"""));
        out.add(Arguments.of("kinerja_opd", List.of("tahun", "opd_kode"), """
                WITH b AS (SELECT p.tahun, o.kode AS opd_kode, avg(f.capaian) AS capaian, sum(f.anggaran) AS anggaran,
                  sum(f.realisasi_keuangan_rp) AS realisasi_keuangan_rp, sum(f.jumlah_iku) AS jumlah_iku
                  FROM v_kinerja_opd f JOIN periode p USING (periode_id) JOIN opd o USING (opd_id) GROUP BY ALL)
                SELECT *, 100.0 * realisasi_keuangan_rp / anggaran AS serapan, capaian - 100.0 * realisasi_keuangan_rp / anggaran AS efisiensi
                FROM b"""));
        out.add(Arguments.of("reported_checks", List.of("sumber", "ukuran"), """
                SELECT target AS sumber, measure AS ukuran, max(reported_value) AS dilaporkan, max(computed_value) AS dihitung,
                  count(*) AS jumlah, sum(CASE WHEN NOT agrees THEN 1 ELSE 0 END) AS jumlah_beda
                FROM reported_check GROUP BY ALL"""));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cubes")
    void every_measure_equals_hand_written_sql(String cube, List<String> dims, String handSql) throws Exception {
        JsonNode describe = JSON.readTree(HttpClient.newHttpClient()
                .send(api("/api/v1/cubes/" + cube).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        List<String> measures = new ArrayList<>();
        describe.path("measures").forEach(m -> measures.add(m.path("name").asString()));
        measures.remove("nilai_sebelumnya");
        measures.remove("perubahan_serapan");

        Map<String, Object> body = new HashMap<>();
        body.put("measures", measures);
        body.put("dimensions", dims);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        api("/api/v1/cubes/" + cube + "/query")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode api = JSON.readTree(response.body());

        Map<String, Map<String, Object>> expected = new HashMap<>();
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(handSql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                expected.put(key(dims.stream().map(row::get).toList()), row);
            }
        }
        assertThat(api.path("rows").size())
                .as(cube + " groups")
                .isEqualTo(expected.size())
                .isPositive();
        int compared = 0;
        for (JsonNode row : api.path("rows")) {
            List<Object> dimValues = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++)
                dimValues.add(row.get(i).isNull() ? null : row.get(i).asString());
            Map<String, Object> hand = expected.get(key(dimValues));
            assertThat(hand).as(cube + " group " + dimValues).isNotNull();
            for (int m = 0; m < measures.size(); m++) {
                JsonNode got = row.get(dims.size() + m);
                Object want = hand.get(measures.get(m));
                String what = cube + " " + measures.get(m) + " at " + dimValues;
                if (want == null) {
                    assertThat(got.isNull()).as(what + " is null").isTrue();
                } else if (want instanceof Number n) {
                    assertThat(got.asDouble())
                            .as(what)
                            .isCloseTo(n.doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
                } else {
                    assertThat(got.asString()).as(what).isEqualTo(want.toString());
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.size() * measures.size());
        assertThat(cubeService.ranInCalcite())
                .as("queries Calcite could not push down whole")
                .isZero();
    }

    private static String key(List<Object> values) {
        return String.join("|", values.stream().map(String::valueOf).toList());
    }
}
