package id.sorot.akip;

import id.sorot.cube.CubeQuery;
import id.sorot.cube.CubeResult;
import id.sorot.cube.CubeService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** AKIP rankings of a pemda's OPDs, read through the {@code akip_opd} cube. */
@Service
public class AkipService {

    private final CubeService cubes;

    public AkipService(CubeService cubes) {
        this.cubes = cubes;
    }

    /** One OPD in a year's ranking; {@code change} is against the year before (null if not evaluated then). */
    public record Row(
            long rank,
            String opd,
            String opdKode,
            String opdNama,
            String jenis,
            Double nilai,
            String predikat,
            Double change,
            boolean predikatDisagrees) {}

    /** A year's ranking with the figures leadership looks at first. */
    public record Ranking(String pemdaKode, int tahun, List<Row> rows, long countA, double percentA, Double mean) {
        public int size() {
            return rows.size();
        }
    }

    /** Years with AKIP results for the pemda, latest first. */
    public List<Integer> years(String pemdaKode) {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("jumlah_opd")
                .by("tahun")
                .where("pemda_kode", "eq", pemdaKode)
                .orderBy("tahun", true));
        return r.column("tahun").stream().map(v -> ((Number) v).intValue()).toList();
    }

    public Ranking ranking(String pemdaKode, int tahun) {
        CubeResult r = cubes.query(CubeQuery.of("akip_opd")
                .measures("peringkat", "nilai", "predikat_nilai", "perubahan", "jumlah_beda_predikat")
                .by("tahun", "opd", "opd_kode", "opd_nama", "jenis_opd")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun)
                .orderBy("peringkat", false)
                .orderBy("opd", false));
        List<Row> rows = new ArrayList<>();
        for (List<Object> v : r.rows()) {
            rows.add(new Row(
                    ((Number) v.get(5)).longValue(),
                    (String) v.get(1),
                    (String) v.get(2),
                    (String) v.get(3),
                    (String) v.get(4),
                    (Double) v.get(6),
                    (String) v.get(7),
                    (Double) v.get(8),
                    ((Number) v.get(9)).longValue() > 0));
        }
        CubeResult summary = cubes.query(CubeQuery.of("akip_opd")
                .measures("jumlah_a", "persen_a", "nilai")
                .by("tahun")
                .where("pemda_kode", "eq", pemdaKode)
                .where("tahun", "eq", tahun));
        if (summary.rows().isEmpty()) {
            return new Ranking(pemdaKode, tahun, rows, 0, 0, null);
        }
        List<Object> s = summary.rows().getFirst();
        return new Ranking(
                pemdaKode, tahun, rows, ((Number) s.get(1)).longValue(), ((Number) s.get(2)).doubleValue(), (Double)
                        s.get(3));
    }
}
