package id.sorot.bench;

import id.sorot.base.duckdb.Store;
import id.sorot.cube.CubeService;
import id.sorot.cube.model.CubeQuery;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code sorot bench cubes}: builds a national-scale store (550 pemda x 45 OPD x 8 years: AKIP per
 * OPD, realisasi per OPD and triwulan, and 13 sub kegiatan x 4 triwulan of plan and realisation,
 * over 10M facts), then runs the dashboard questions through the cube service (Calcite, pushed down
 * to DuckDB) and the same questions as hand-written SQL straight on DuckDB, alternating, and prints
 * p50 / p95 of each and their ratio.
 */
final class CubeBench {

    /** One dashboard question, asked both ways. */
    record Question(String name, CubeQuery query, String sql, List<Object> params) {}

    private CubeBench() {}

    static int run(Map<String, String> options, PrintStream out, Function<Path, ConfigurableApplicationContext> sorot)
            throws Exception {
        int pemda = Integer.parseInt(options.getOrDefault("pemda", "550"));
        int years = Integer.parseInt(options.getOrDefault("years", "8"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "30"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-cubes")).toAbsolutePath();
        Files.createDirectories(dir);
        Path store = dir.resolve("national.duckdb");
        if (options.containsKey("fresh")) {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir.resolve("national.duckdb.wal"));
        }
        ConfigurableApplicationContext context = sorot.apply(store);
        CubeService cubes = context.getBean(CubeService.class);
        Store duckdb = context.getBean(Store.class);
        try (Connection c = duckdb.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM fact_realisasi_triwulan")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                long t0 = System.nanoTime();
                long facts = generate(c, pemda, years);
                out.printf(
                        Locale.ROOT,
                        "generated %,d facts for %d pemda x 45 OPD x %d years in %.1f s: %s%n",
                        facts,
                        pemda,
                        years,
                        (System.nanoTime() - t0) / 1e9,
                        store);
            }
        }
        int last = 2016 + years;
        String somePemda = String.valueOf(9000 + pemda / 2);
        List<Question> questions = List.of(
                new Question(
                        "ranking, rank in pemda, one year (24,750 rows)",
                        CubeQuery.of("akip_opd")
                                .measures("nilai", "peringkat")
                                .by("pemda_kode", "opd_kode")
                                .where("tahun", "eq", last)
                                .orderBy("pemda_kode", false)
                                .orderBy("peringkat", false),
                        "SELECT d.kode AS pemda_kode, o.kode AS opd_kode, avg(f.nilai::DOUBLE) AS nilai,"
                                + " rank() OVER (PARTITION BY d.kode ORDER BY avg(f.nilai::DOUBLE) DESC) AS peringkat"
                                + " FROM fact_akip_opd f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE p.tahun = ? GROUP BY d.kode, o.kode"
                                + " ORDER BY pemda_kode, peringkat",
                        List.of(last)),
                new Question(
                        "full ranking, all years ("
                                + String.format(Locale.ROOT, "%,d", pemda * 45L * Math.min(5, years)) + " groups)",
                        CubeQuery.of("akip_opd")
                                .measures("nilai", "peringkat")
                                .by("tahun", "pemda_kode", "opd_kode")
                                .where("tahun", "gte", last - 4)
                                .orderBy("tahun", false)
                                .orderBy("pemda_kode", false)
                                .orderBy("peringkat", false),
                        "SELECT p.tahun, d.kode AS pemda_kode, o.kode AS opd_kode, avg(f.nilai::DOUBLE) AS nilai,"
                                + " rank() OVER (PARTITION BY d.kode, p.tahun ORDER BY avg(f.nilai::DOUBLE) DESC) AS peringkat"
                                + " FROM fact_akip_opd f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE p.tahun >= ? GROUP BY p.tahun, d.kode, o.kode"
                                + " ORDER BY p.tahun, pemda_kode, peringkat",
                        List.of(last - 4)),
                new Question(
                        "top 3 OPD per pemda, one year",
                        CubeQuery.of("akip_opd")
                                .measures("nilai", "peringkat")
                                .by("pemda_kode", "opd_kode")
                                .where("tahun", "eq", last)
                                .where("peringkat", "lte", 3)
                                .orderBy("pemda_kode", false)
                                .orderBy("peringkat", false),
                        "SELECT * FROM (SELECT d.kode AS pemda_kode, o.kode AS opd_kode, avg(f.nilai::DOUBLE) AS nilai,"
                                + " rank() OVER (PARTITION BY d.kode ORDER BY avg(f.nilai::DOUBLE) DESC) AS peringkat"
                                + " FROM fact_akip_opd f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE p.tahun = ? GROUP BY d.kode, o.kode)"
                                + " WHERE peringkat <= 3 ORDER BY pemda_kode, peringkat",
                        List.of(last)),
                new Question(
                        "change against last year, one year",
                        CubeQuery.of("akip_opd")
                                .measures("nilai", "perubahan")
                                .by("pemda_kode", "opd_kode")
                                .where("tahun", "eq", last),
                        "SELECT * FROM (SELECT d.kode AS pemda_kode, o.kode AS opd_kode, p.tahun, avg(f.nilai::DOUBLE) AS nilai,"
                                + " avg(f.nilai::DOUBLE) - lag(avg(f.nilai::DOUBLE)) OVER (PARTITION BY d.kode, o.kode ORDER BY p.tahun)"
                                + " AS perubahan FROM fact_akip_opd f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE p.tahun IN (?, ?) GROUP BY d.kode, o.kode, p.tahun)"
                                + " WHERE tahun = ?",
                        List.of(last, last - 1, last)),
                new Question(
                        "deviasi per OPD, one pemda and year, from sub kegiatan (10M facts)",
                        CubeQuery.of("realisasi_triwulan")
                                .measures("target_keuangan", "realisasi_keuangan", "deviasi_keuangan", "capaian_fisik")
                                .by("opd_kode")
                                .where("pemda_kode", "eq", somePemda)
                                .where("tahun", "eq", last),
                        "SELECT o.kode AS opd_kode,"
                                + " sum(f.target_keuangan_pct::DOUBLE * f.pagu) / sum(f.pagu) AS target_keuangan,"
                                + " sum(f.realisasi_keuangan_pct::DOUBLE * f.pagu) / sum(f.pagu) AS realisasi_keuangan,"
                                + " sum(f.realisasi_keuangan_pct::DOUBLE * f.pagu) / sum(f.pagu)"
                                + " - sum(f.target_keuangan_pct::DOUBLE * f.pagu) / sum(f.pagu) AS deviasi_keuangan,"
                                + " 100.0 * sum(f.realisasi_fisik) / sum(f.target_fisik) AS capaian_fisik"
                                + " FROM fact_realisasi_triwulan f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE d.kode = ? AND p.tahun = ? GROUP BY o.kode",
                        List.of(somePemda, last)),
                new Question(
                        "deviasi per OPD, one pemda and year (realisasi per OPD)",
                        CubeQuery.of("realisasi_opd")
                                .measures("realisasi_keuangan", "deviasi_keuangan", "deviasi_fisik")
                                .by("opd_kode")
                                .where("pemda_kode", "eq", somePemda)
                                .where("tahun", "eq", last)
                                .where("triwulan", "eq", 0),
                        "SELECT o.kode AS opd_kode, 100.0 * sum(f.realisasi_keuangan_rp) / sum(f.anggaran) AS realisasi_keuangan,"
                                + " 100.0 * sum(f.realisasi_keuangan_rp) / sum(f.anggaran) - 100.0 * sum(f.rencana_keuangan_rp)"
                                + " / sum(f.anggaran) AS deviasi_keuangan, sum(f.realisasi_fisik_pct::DOUBLE * f.anggaran)"
                                + " / sum(f.anggaran) - sum(f.rencana_fisik_pct::DOUBLE * f.anggaran) / sum(f.anggaran) AS deviasi_fisik"
                                + " FROM fact_realisasi_opd f JOIN opd o USING (opd_id) JOIN pemda d ON d.pemda_id = f.pemda_id"
                                + " JOIN periode p USING (periode_id) WHERE d.kode = ? AND p.tahun = ? AND p.triwulan = 0 GROUP BY o.kode",
                        List.of(somePemda, last)),
                new Question(
                        "city totals, one pemda and year (small aggregate)",
                        CubeQuery.of("realisasi_opd")
                                .measures("anggaran", "realisasi_keuangan", "jumlah_opd")
                                .where("pemda_kode", "eq", somePemda)
                                .where("tahun", "eq", last)
                                .where("triwulan", "eq", 0),
                        "SELECT sum(f.anggaran), 100.0 * sum(f.realisasi_keuangan_rp) / sum(f.anggaran), count(DISTINCT f.opd_id)"
                                + " FROM fact_realisasi_opd f JOIN pemda d ON d.pemda_id = f.pemda_id JOIN periode p USING (periode_id)"
                                + " WHERE d.kode = ? AND p.tahun = ? AND p.triwulan = 0",
                        List.of(somePemda, last)));

        out.printf(
                Locale.ROOT,
                "%-62s %8s %8s | %8s %8s | %6s %6s%n",
                "question",
                "api p50",
                "api p95",
                "sql p50",
                "sql p95",
                "p50 x",
                "p95 x");
        try (Connection direct = duckdb.connect()) {
            for (Question q : questions) {
                long rowsApi = cubes.query(q.query()).rows().size();
                long rowsSql = direct(direct, q);
                if (rowsApi != rowsSql) {
                    out.println("  (rows differ: api " + rowsApi + ", sql " + rowsSql + ")");
                }
                for (int i = 0; i < 3; i++) {
                    cubes.query(q.query());
                    direct(direct, q);
                }
                double[] api = new double[runs];
                double[] sql = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    cubes.query(q.query());
                    long t1 = System.nanoTime();
                    direct(direct, q);
                    long t2 = System.nanoTime();
                    api[i] = (t1 - t0) / 1e6;
                    sql[i] = (t2 - t1) / 1e6;
                }
                out.printf(
                        Locale.ROOT,
                        "%-62s %8.1f %8.1f | %8.1f %8.1f | %6.2f %6.2f  (%,d rows)%n",
                        q.name(),
                        pct(api, 50),
                        pct(api, 95),
                        pct(sql, 50),
                        pct(sql, 95),
                        pct(api, 50) / pct(sql, 50),
                        pct(api, 95) / pct(sql, 95),
                        rowsApi);
            }
        }
        context.close();
        return 0;
    }

    private static long direct(Connection c, Question q) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            for (int i = 0; i < q.params().size(); i++)
                ps.setObject(i + 1, q.params().get(i));
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) rs.getObject(i);
                    n++;
                }
            }
            return n;
        }
    }

    private static double pct(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    /** Fills the store with generated pemda, OPDs, items and facts, in DuckDB itself. */
    static long generate(Connection c, int pemda, int years) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.42)");
            s.execute("INSERT INTO pemda SELECT 1000 + i, (9000 + i)::VARCHAR, 'Kabupaten Contoh ' || i, 'kabupaten',"
                    + " 'Provinsi ' || (i % 38), 'predikat_akip', 'mutu_ikm', 'capaian_lkip' FROM range(1, "
                    + (pemda + 1) + ") t(i)");
            s.execute(
                    "INSERT INTO opd SELECT 100000 + (p - 1) * 45 + k, 1000 + p, (k // 10 + 1) || '.' || lpad(k::VARCHAR, 2, '0')"
                            + " || '.01', 'Perangkat Daerah ' || k, 'PD' || k, CASE WHEN k <= 30 THEN 'dinas' WHEN k <= 40 THEN"
                            + " 'kecamatan' ELSE 'badan' END, NULL FROM range(1, " + (pemda + 1)
                            + ") a(p), range(1, 46) b(k)");
            s.execute("INSERT INTO kegiatan SELECT 10000000 + (o.opd_id - 100000) * 13 + x, o.pemda_id, o.opd_id,"
                    + " '5.01.01.2.01.' || lpad(x::VARCHAR, 4, '0'), 'sub_kegiatan', 'Sub Kegiatan ' || x, NULL, NULL, NULL, x"
                    + " FROM opd o, range(1, 14) t(x) WHERE o.opd_id >= 100000");
            s.execute("INSERT INTO fact_akip_opd SELECT 0, o.pemda_id, o.opd_id, (2016 + y) * 10, v, NULL,"
                    + " CASE WHEN v > 90 THEN 'AA' WHEN v > 80 THEN 'A' WHEN v > 70 THEN 'BB' WHEN v > 60 THEN 'B'"
                    + " WHEN v > 50 THEN 'CC' WHEN v > 30 THEN 'C' ELSE 'D' END, 'permenpanrb-88-2021', NULL"
                    + " FROM (SELECT o.*, y, round(45 + random() * 50, 2)::DECIMAL(9,2) AS v FROM opd o, range(1, "
                    + (years + 1)
                    + ") t(y) WHERE o.opd_id >= 100000) o");
            s.execute(
                    "INSERT INTO fact_realisasi_opd SELECT 0, pemda_id, opd_id, (2016 + y) * 10 + q, a, a, 100, r, NULL, NULL,"
                            + " 100, fis, NULL, NULL, NULL, NULL, NULL FROM (SELECT o.pemda_id, o.opd_id, y, q,"
                            + " (1e9 + random() * 9e10)::DECIMAL(18,2) AS a, 0::DECIMAL(18,2) AS r, round(80 + random() * 20, 2) AS fis"
                            + " FROM opd o, range(1, " + (years + 1)
                            + ") t(y), range(0, 5) u(q) WHERE o.opd_id >= 100000)");
            s.execute("UPDATE fact_realisasi_opd SET realisasi_keuangan_rp = round(anggaran * (0.6 + random() * 0.4))"
                    + " WHERE opd_id >= 100000");
            s.execute(
                    "INSERT INTO fact_realisasi_triwulan SELECT 0, k.pemda_id, k.opd_id, k.item_id, (2016 + y) * 10 + q,"
                            + " (1e7 + (k.item_id % 997) * 1e6)::DECIMAL(18,2), NULL, 'Dokumen', 1 + (k.item_id + q) % 5, (k.item_id + y + q) % 6,"
                            + " round(10 + random() * 30, 2), round(random() * 35, 2), NULL"
                            + " FROM kegiatan k, range(1, " + (years + 1)
                            + ") t(y), range(1, 5) u(q) WHERE k.item_id >= 10000000");
            try (ResultSet rs = s.executeQuery(
                    "SELECT (SELECT count(*) FROM fact_akip_opd) + (SELECT count(*) FROM fact_realisasi_opd)"
                            + " + (SELECT count(*) FROM fact_realisasi_triwulan)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
