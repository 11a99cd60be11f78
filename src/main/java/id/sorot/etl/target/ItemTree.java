package id.sorot.etl.target;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * The program / kegiatan / sub kegiatan tree of OPDs (the {@code kegiatan} dimension): items by
 * kode, and by name in tree order for the tables that print names only. New items get ids here and
 * are written inside the load's transaction. Stretches of one file read in parallel share a tree,
 * so it is synchronized.
 */
public final class ItemTree {

    static final String PROGRAM = "program";
    static final String KEGIATAN = "kegiatan";
    static final String SUB_KEGIATAN = "sub_kegiatan";

    /** One item; {@code urutan} is its place in the OPD's tree. */
    record Item(
            int id,
            int pemdaId,
            int opdId,
            String kode,
            String level,
            String nama,
            Integer parentId,
            String programKode,
            String kegiatanKode,
            int urutan) {}

    private final Map<Integer, List<Item>> byOpd = new HashMap<>();
    // read on every row by parallel stretches: lock-free lookups, synchronized changes
    private final Map<Long, Map<String, Item>> byKode = new java.util.concurrent.ConcurrentHashMap<>();
    /** Items to write, by id: an item changed twice in one load is written once, as it ended up. */
    private final Map<Integer, Item> pending = new java.util.LinkedHashMap<>();

    private int nextId;
    /** Ids from here on were given in this load: those items are new to the store. */
    private int firstNewId;

    private ItemTree() {}

    /**
     * Only the kode of every item (of all OPDs): enough to find items by kode and number new ones,
     * and a fraction of the cost of reading whole items when a national file touches every OPD.
     */
    static ItemTree loadKodes(DuckDBConnection c, BufferAllocator allocator) throws SQLException {
        ItemTree tree = new ItemTree();
        // a national store holds hundreds of thousands of items: read them as Arrow batches, several
        // times faster than row by row through JDBC
        try (Statement s = c.createStatement();
                DuckDBResultSet rs = (DuckDBResultSet) s.executeQuery(
                        "SELECT item_id, pemda_id, opd_id, kode, urutan FROM kegiatan ORDER BY opd_id, urutan");
                ArrowReader batches = (ArrowReader) rs.arrowExportStream(allocator, 1 << 16)) {
            while (batches.loadNextBatch()) {
                VectorSchemaRoot root = batches.getVectorSchemaRoot();
                IntVector id = (IntVector) root.getVector(0);
                IntVector pemda = (IntVector) root.getVector(1);
                IntVector opd = (IntVector) root.getVector(2);
                VarCharVector kode = (VarCharVector) root.getVector(3);
                IntVector urutan = (IntVector) root.getVector(4);
                for (int i = 0; i < root.getRowCount(); i++) {
                    tree.add(new Item(
                            id.get(i),
                            pemda.get(i),
                            opd.get(i),
                            new String(kode.get(i), StandardCharsets.UTF_8),
                            null,
                            null,
                            null,
                            null,
                            null,
                            urutan.get(i)));
                }
            }
            try (ResultSet max = s.executeQuery("SELECT coalesce(max(item_id), 0) FROM kegiatan")) {
                max.next();
                tree.nextId = max.getInt(1) + 1;
                tree.firstNewId = tree.nextId;
            }
        } catch (java.io.IOException e) {
            throw new SQLException("reading kegiatan: " + e.getMessage(), e);
        }
        return tree;
    }

    /** Items of the given OPDs, or of all OPDs when {@code opdIds} is null. */
    static ItemTree load(DuckDBConnection c, Set<Integer> opdIds) throws SQLException {
        ItemTree tree = new ItemTree();
        String where = opdIds == null
                ? ""
                : opdIds.isEmpty()
                        ? " WHERE false"
                        : " WHERE opd_id IN ("
                                + String.join(
                                        ",",
                                        opdIds.stream().map(String::valueOf).toList()) + ")";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT item_id, pemda_id, opd_id, kode, level, nama, parent_item_id,"
                        + " program_kode, kegiatan_kode, urutan FROM kegiatan" + where + " ORDER BY opd_id, urutan")) {
            while (rs.next()) {
                int parent = rs.getInt(7);
                tree.add(new Item(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.wasNull() ? null : parent,
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10)));
            }
            try (ResultSet max = s.executeQuery("SELECT coalesce(max(item_id), 0) FROM kegiatan")) {
                max.next();
                tree.nextId = max.getInt(1) + 1;
                tree.firstNewId = tree.nextId;
            }
        }
        return tree;
    }

    private void add(Item item) {
        byOpd.computeIfAbsent(item.opdId(), k -> new ArrayList<>()).add(item);
        byKode.computeIfAbsent((long) item.opdId(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                .put(item.kode(), item);
    }

    synchronized List<Item> of(int opdId) {
        return byOpd.getOrDefault(opdId, List.of());
    }

    Item byKode(int opdId, String kode) {
        Map<String, Item> m = byKode.get((long) opdId);
        return m == null ? null : m.get(kode);
    }

    /**
     * Adds or updates an item by kode, keeping the id it already has so facts loaded from other
     * tables stay attached.
     */
    synchronized Item upsert(
            int pemdaId,
            int opdId,
            String kode,
            String level,
            String nama,
            Integer parentId,
            String programKode,
            String kegiatanKode,
            int urutan) {
        Item old = byKode(opdId, kode);
        int id = old != null ? old.id() : nextId++;
        Item item = new Item(id, pemdaId, opdId, kode, level, nama, parentId, programKode, kegiatanKode, urutan);
        if (old == null || !old.equals(item)) {
            pending.put(item.id(), item);
        }
        if (old == null) {
            add(item);
        } else {
            List<Item> list = byOpd.get(opdId);
            list.set(list.indexOf(old), item);
            byKode.get((long) opdId).put(kode, item);
        }
        return item;
    }

    /** Writes the items added or changed in this load; call inside the load's transaction. */
    synchronized void write(DuckDBConnection c) throws SQLException {
        if (pending.isEmpty()) return;
        // new items go straight into the table; only changed ones need the costlier upsert by key
        List<Item> added = new ArrayList<>();
        List<Item> changed = new ArrayList<>();
        for (Item i : pending.values()) (i.id() >= firstNewId ? added : changed).add(i);
        append(c, "kegiatan", added);
        if (!changed.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE OR REPLACE TABLE sync_kegiatan AS SELECT * FROM kegiatan LIMIT 0");
            }
            append(c, "sync_kegiatan", changed);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT OR REPLACE INTO kegiatan SELECT * FROM sync_kegiatan");
                s.execute("DROP TABLE sync_kegiatan");
            }
        }
        pending.clear();
    }

    private static void append(DuckDBConnection c, String table, List<Item> items) throws SQLException {
        if (items.isEmpty()) return;
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Item i : items) {
                a.beginRow();
                a.append(i.id());
                a.append(i.pemdaId());
                a.append(i.opdId());
                a.append(i.kode());
                a.append(i.level());
                a.append(i.nama());
                if (i.parentId() == null) a.appendNull();
                else a.append((int) i.parentId());
                if (i.programKode() == null) a.appendNull();
                else a.append(i.programKode());
                if (i.kegiatanKode() == null) a.appendNull();
                else a.append(i.kegiatanKode());
                a.append(i.urutan());
                a.endRow();
            }
        }
    }

    /** Walks one OPD's tree in order, matching names the way the source printed them. */
    static final class Cursor {
        private final List<Item> items;
        private final List<Set<String>> tokens = new ArrayList<>();
        private int at = -1;

        Cursor(List<Item> items) {
            this.items = items;
            for (Item i : items) tokens.add(tokens(i.nama()));
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        /**
         * The item a printed name means: the best match of at least 0.8 among {@code levels}, the
         * first such at or after the previous match (sources follow tree order, and repeat names such
         * as a kegiatan and its only sub kegiatan), else the best anywhere.
         */
        Item match(String name, Set<String> levels) {
            Set<String> t = tokens(name);
            if (t.isEmpty()) return null;
            double best = 0;
            int bestAt = -1;
            for (int pass = 0; pass < 2 && bestAt < 0; pass++) {
                for (int i = pass == 0 ? at + 1 : 0; i < items.size(); i++) {
                    if (!levels.contains(items.get(i).level())) continue;
                    double s = score(t, tokens.get(i));
                    if (s >= 0.8 && s > best + 1e-9) {
                        best = s;
                        bestAt = i;
                    }
                }
            }
            if (bestAt < 0) return null;
            at = bestAt;
            return items.get(bestAt);
        }

        /** Up to three names closest to an unmatched one, for the problem message. */
        List<String> closest(String name, int limit) {
            Set<String> t = tokens(name);
            Integer[] order = new Integer[items.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(score(t, tokens.get(b)), score(t, tokens.get(a))));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, order.length); i++) {
                Item it = items.get(order[i]);
                out.add(it.kode() + " " + it.nama());
            }
            return out;
        }
    }

    /**
     * How well a printed name matches an item's name: 1 for the same words, 0.95 when the printed
     * name holds all the item's words and more ("... yang Dipelihara dan dibayarkan Pajaknya"),
     * otherwise the Dice overlap of the two word sets.
     */
    static double score(Set<String> printed, Set<String> item) {
        if (printed.isEmpty() || item.isEmpty()) return 0;
        int common = 0;
        for (String w : printed) {
            if (item.contains(w)) {
                common++;
                continue;
            }
            for (String v : item) {
                if (sameWord(w, v)) {
                    common++;
                    break;
                }
            }
        }
        common = Math.min(common, item.size());
        if (common == item.size() && common == printed.size()) return 1.0;
        if (common == item.size() && item.size() >= 2) return 0.95;
        return 2.0 * common / (printed.size() + item.size());
    }

    /** Long words that differ by a letter or by a suffix are the same word ("Fasilitasi", "Fasilitas"). */
    static boolean sameWord(String a, String b) {
        if (a.length() < 5 || b.length() < 5) return false;
        if (a.startsWith(b) || b.startsWith(a)) return Math.abs(a.length() - b.length()) <= 3;
        if (Math.abs(a.length() - b.length()) > 1) return false;
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
        int j = 0;
        while (j < Math.min(a.length(), b.length()) - i && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j))
            j++;
        return i + j >= Math.max(a.length(), b.length()) - 1;
    }

    static Set<String> tokens(String name) {
        if (name == null) return Set.of();
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** A level read from the number of parts of a kode ("1" program, "1.2.01" kegiatan, ...). */
    static Map<Integer, String> levels(String option) {
        Map<Integer, String> out = new HashMap<>();
        if (option == null) return out;
        for (String part : option.trim().split("\\s*,\\s*")) {
            String[] kv = part.split("\\s*=\\s*");
            if (kv.length != 2) throw new IllegalArgumentException("'" + part + "' is not parts=level");
            String level = kv[1];
            if (!Set.of(PROGRAM, KEGIATAN, SUB_KEGIATAN).contains(level)) {
                throw new IllegalArgumentException("unknown level '" + level + "' (program, kegiatan, sub_kegiatan)");
            }
            out.put(Integer.parseInt(kv[0]), level);
        }
        return out;
    }
}
