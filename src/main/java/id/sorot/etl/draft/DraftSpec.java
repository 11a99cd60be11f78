package id.sorot.etl.draft;

import id.sorot.etl.read.FieldType;
import id.sorot.etl.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A job spec proposed for a file no job recognises: a target and which column feeds which of its
 * fields, guessed from the headers and the kinds of values, with the parameters the file does not
 * carry. The user adjusts target, mapping and name; {@link #yaml} writes the spec as it stands.
 *
 * @param columns column index to field, in column order
 */
public record DraftSpec(String name, String target, Map<Integer, String> columns, TableSketch sketch) {

    /** The targets a draft may propose: the flat tables; the hierarchical ones need a person's layout. */
    public static final List<String> PROPOSED = List.of("realisasi_opd", "akip_opd", "akip_pemda", "ikm", "iku");

    public DraftSpec {
        columns = new TreeMap<>(columns);
    }

    /** One guess: a field fed by a column whose header matches and whose values are of one of the kinds. */
    private record Rule(String field, Pattern header, Set<ColumnKind> kinds) {
        boolean fits(TableSketch.Column c) {
            return header.matcher(c.header().toLowerCase(Locale.ROOT)).find() && kinds.contains(c.kind());
        }
    }

    private static final Set<ColumnKind> NUMBERS = Set.of(ColumnKind.ANGKA, ColumnKind.RUPIAH, ColumnKind.PERSEN);
    private static final Set<ColumnKind> MONEY = Set.of(ColumnKind.RUPIAH, ColumnKind.ANGKA);
    private static final Set<ColumnKind> PCT = Set.of(ColumnKind.PERSEN);
    private static final Set<ColumnKind> TEXT = Set.of(ColumnKind.TEKS);
    private static final Set<ColumnKind> ANY = Set.of(ColumnKind.values());

    /** In order: a column takes the first rule that fits it among the target's fields not yet fed. */
    private static final List<Rule> RULES = List.of(
            rule("rencana_keuangan_pct", "(rencana|target).*keuangan|keuangan.*(rencana|target)", PCT),
            rule("rencana_fisik_pct", "(rencana|target).*fisik|fisik.*(rencana|target)", PCT),
            rule("deviasi_keuangan", "deviasi.*keuangan", NUMBERS),
            rule("deviasi_fisik", "deviasi.*fisik", NUMBERS),
            rule("realisasi_fisik_pct", "fisik", PCT),
            rule("realisasi_keuangan_pct", "realisasi|serapan", PCT),
            rule("realisasi_keuangan_rp", "realisasi|serapan", MONEY),
            rule("anggaran", "anggaran|pagu|apbd|dpa", MONEY),
            rule("predikat", "predikat|tingkat akuntabilitas|kategori", ANY),
            rule("mutu", "mutu", ANY),
            rule("capaian", "capaian", NUMBERS),
            rule("target", "^target", ANY),
            rule("realisasi", "^realisasi", ANY),
            rule("nilai", "nilai|skor|ikm|indeks|ikk", NUMBERS),
            rule("indikator", "indikator", TEXT),
            rule("sasaran", "sasaran", TEXT),
            rule("satuan", "satuan", TEXT),
            rule("unit", "unit|layanan|puskesmas|kelurahan|kecamatan", TEXT),
            rule("tahun", "tahun", Set.of(ColumnKind.TAHUN)));

    private static Rule rule(String field, String header, Set<ColumnKind> kinds) {
        return new Rule(field, Pattern.compile(header), kinds);
    }

    /** The best proposal for the sketch among {@link #PROPOSED}, or one with no target when none fits. */
    public static DraftSpec propose(TableSketch sketch, Map<String, Target> targets, Predicate<String> nameTaken) {
        String name = nameFor(sketch.file(), nameTaken);
        DraftSpec best = null;
        int bestScore = -1;
        for (String t : PROPOSED) {
            Target target = targets.get(t);
            Map<Integer, String> mapping = guess(sketch, target);
            DraftSpec d = new DraftSpec(name, t, mapping, sketch);
            if (!d.missing(target).isEmpty()) continue;
            FieldType.Def opd = target.fields().get("opd");
            boolean opdNeeded = opd != null && opd.required();
            // a list of OPDs or units fits a per-OPD target; a list of pemda one that needs no OPD
            int score = mapping.size()
                    + (mapping.containsValue("opd") || mapping.containsValue("unit") ? 2 : 0)
                    + (mapping.containsValue("pemda") ? 2 : 0)
                    - (opdNeeded && !mapping.containsValue("opd") && sketch.pemdaColumn() >= 0 ? 3 : 0);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best != null ? best : new DraftSpec(name, null, Map.of(), sketch);
    }

    /** The columns a target's fields would take, by the rules, the OPD and the pemda columns. */
    public static Map<Integer, String> guess(TableSketch sketch, Target target) {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (target == null) return out;
        Set<String> fields = target.fields().keySet();
        int opd = sketch.opdColumn();
        int pemda = sketch.pemdaColumn();
        if (opd >= 0 && fields.contains("opd")) out.put(opd, "opd");
        else if (pemda >= 0 && fields.contains("pemda")) out.put(pemda, "pemda");
        for (TableSketch.Column c : sketch.columns()) {
            if (out.containsKey(c.index()) || c.kind() == ColumnKind.NOMOR || c.kind() == ColumnKind.KOSONG) continue;
            for (Rule r : RULES) {
                if (fields.contains(r.field()) && !out.containsValue(r.field()) && r.fits(c)) {
                    out.put(c.index(), r.field());
                    break;
                }
            }
        }
        // a lone predikat column without "predikat" in its header is still the predikat
        if (fields.contains("predikat") && !out.containsValue("predikat")) {
            sketch.columns().stream()
                    .filter(c -> c.kind() == ColumnKind.PREDIKAT && !out.containsKey(c.index()))
                    .findFirst()
                    .ifPresent(c -> out.put(c.index(), "predikat"));
        }
        return out;
    }

    /** The same draft with the user's choices. */
    public DraftSpec with(String name, String target, Map<Integer, String> columns) {
        return new DraftSpec(name, target, columns, sketch);
    }

    /** Parameters the file does not carry: the pemda unless a column names it, the period, the OPD. */
    public List<String> parameters(Target t) {
        List<String> out = new ArrayList<>();
        if (!columns.containsValue("pemda")) out.add("pemda");
        if (!columns.containsValue("tahun") && sketch.titlePeriod() == null) out.add("period");
        if (t != null && t.fields().containsKey("opd") && !columns.containsValue("opd")) out.add("opd");
        return out;
    }

    /**
     * What keeps the draft from being a spec for its target: required fields nothing feeds (neither
     * a column nor a parameter nor the title), and groups of which one field is needed.
     */
    public List<String> missing(Target t) {
        List<String> out = new ArrayList<>();
        if (t == null) return List.of("target");
        List<String> params = parameters(t);
        for (Map.Entry<String, FieldType.Def> f : t.fields().entrySet()) {
            String field = f.getKey();
            if (!f.getValue().required() || columns.containsValue(field)) continue;
            boolean given =
                    switch (field) {
                        case "pemda" -> params.contains("pemda");
                        case "opd" -> params.contains("opd");
                        case "tahun" -> params.contains("period") || sketch.titlePeriod() != null;
                        default -> false;
                    };
            if (!given) out.add(field);
        }
        for (List<String> group : t.oneOf()) {
            if (group.stream().noneMatch(columns::containsValue)) out.add(String.join(" / ", group));
        }
        return out;
    }

    /** The spec as YAML, for etl/jobs/{@code name}.yml. */
    public String yaml(Target t) {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(name).append('\n');
        y.append("description: >\n  Draft made by Sorot from ")
                .append(sketch.file())
                .append(": describe the layout in your own words, and where the table comes from.\n");
        y.append("target: ").append(target).append('\n');
        y.append("parameters: [").append(String.join(", ", parameters(t))).append("]\n");
        y.append("layout:\n  header:\n    match: [");
        List<String> match = new ArrayList<>();
        List<TableSketch.Column> cols = sketch.columns();
        for (int i = 0; i < Math.min(3, cols.size()); i++) {
            String top = cols.get(i).headerCells().getFirst();
            match.add(quote(top.isEmpty() ? ".*" : literal(top)));
        }
        y.append(String.join(", ", match)).append("]\n");
        if (sketch.headerRows() > 1)
            y.append("    rows: ").append(sketch.headerRows()).append('\n');
        if (sketch.titlePeriod() != null) {
            y.append("  title_period: ").append(quote(sketch.titlePeriod())).append('\n');
        }
        y.append("  rows:\n");
        if (sketch.dataPattern() != null) {
            y.append("    data: {column: 0, pattern: ")
                    .append(quote(sketch.dataPattern()))
                    .append("}\n");
        } else {
            y.append("    data: {column: ")
                    .append(dataColumn())
                    .append(", pattern: ")
                    .append(quote(".*\\S.*"))
                    .append("}\n");
        }
        // a total row is checked where its figures can be: sums, else a mean (flagged, not refused:
        // sources round it); totals of figures that do not add up (a count of predikat) are read past
        List<String> sums = columns.values().stream().filter(SUMMABLE::contains).toList();
        List<String> means = columns.values().stream()
                .filter(f -> f.equals("nilai") || f.equals("capaian"))
                .toList();
        boolean totals = sketch.totalPattern() != null;
        if (totals && !sums.isEmpty()) {
            total(y, "Jumlah", sums.stream().map(f -> f + ": sum").toList(), false);
        } else if (totals && !means.isEmpty()) {
            total(y, "Rata-rata", means.stream().map(f -> f + ": mean").toList(), true);
        }
        y.append("    ignore:\n      - {column: 0, pattern: ")
                .append(quote("(?i)(sumber|keterangan|catatan|tujuan|sasaran|program|kegiatan)\\s*:.*"))
                .append("}\n");
        if (totals && sums.isEmpty() && means.isEmpty()) {
            y.append("      - {column: ")
                    .append(sketch.totalColumn())
                    .append(", pattern: ")
                    .append(quote(sketch.totalPattern()))
                    .append("}\n");
        }
        y.append("  columns: {");
        y.append(String.join(
                ", ",
                columns.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .toList()));
        y.append("}\n");
        List<Integer> fillDown = columns.entrySet().stream()
                .filter(e -> e.getValue().equals("sasaran") && filled(e.getKey()) < sketch.dataRows())
                .map(Map.Entry::getKey)
                .toList();
        if (!fillDown.isEmpty()) {
            // a sasaran with several indicators is printed once, on its first row
            y.append("  fill_down: ").append(fillDown).append('\n');
        }
        if (combines()) {
            y.append("  combine:\n    part: {field: opd, pattern: ")
                    .append(quote("\\s*\\((BLUD|APBD|Non[- ]?BLUD)\\)\\s*$"))
                    .append("}\n");
            List<String> sum = columns.values().stream()
                    .filter(f -> f.equals("anggaran") || f.equals("realisasi_keuangan_rp"))
                    .toList();
            y.append("    sum: ").append(sum).append('\n');
            if (columns.containsValue("realisasi_keuangan_pct") && columns.containsValue("realisasi_keuangan_rp")) {
                y.append("    share_of: {realisasi_keuangan_pct: realisasi_keuangan_rp}\n");
                if (columns.containsValue("realisasi_fisik_pct")) {
                    y.append("    weighted: {realisasi_fisik_pct: {total_of: realisasi_keuangan_pct}}\n");
                }
            }
        }
        return y.toString();
    }

    private void total(StringBuilder y, String name, List<String> checks, boolean flagOnly) {
        y.append("    total:\n      - name: ")
                .append(name)
                .append("\n        column: ")
                .append(sketch.totalColumn())
                .append("\n        pattern: ")
                .append(quote(sketch.totalPattern()))
                .append("\n        check: {")
                .append(String.join(", ", checks))
                .append("}\n");
        if (flagOnly) y.append("        on_mismatch: flag\n");
    }

    /** The column filled on every data row, to tell data rows by: the fullest mapped one, text first. */
    private int dataColumn() {
        return columns.keySet().stream()
                .max(java.util.Comparator.comparingInt(this::filled)
                        .thenComparing(c -> sketch.columns().get(c).kind() == ColumnKind.TEKS))
                .orElse(0);
    }

    private int filled(int column) {
        return column < sketch.columns().size() ? sketch.columns().get(column).filled() : 0;
    }

    /** Whether OPDs split by funding source ("(BLUD)", "(APBD)") are to be combined into one row. */
    public boolean combines() {
        boolean split = columns.entrySet().stream()
                .anyMatch(e -> e.getValue().equals("opd")
                        && sketch.columns().get(e.getKey()).splitByFunding());
        return "realisasi_opd".equals(target)
                && split
                && (columns.containsValue("realisasi_keuangan_rp") || columns.containsValue("anggaran"));
    }

    /** Fields whose total row is the sum of the rows. */
    private static final Set<String> SUMMABLE =
            Set.of("anggaran", "realisasi_keuangan_rp", "rencana_keuangan_rp", "pagu", "pagu_murni", "pagu_perubahan");

    /** A cell's text as a regular expression that matches it, spaces loosely. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : text.strip().toCharArray()) {
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) out.append("\\s*");
            space = false;
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A job name from the file name: snake_case, not one already taken. */
    static String nameFor(String file, Predicate<String> taken) {
        String stem = file.replaceAll("\\.[A-Za-z]+$", "").toLowerCase(Locale.ROOT);
        String base = stem.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "tabel_" + base;
        base = base.replaceAll("_+$", "");
        String name = base;
        for (int i = 2; taken.test(name); i++) name = base + "_" + i;
        return name;
    }
}
