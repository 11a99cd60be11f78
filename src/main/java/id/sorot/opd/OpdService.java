package id.sorot.opd;

import id.sorot.base.SorotProperties;
import id.sorot.base.duckdb.Store;
import id.sorot.base.duckdb.StoreException;
import id.sorot.base.yaml.DefinitionException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.stereotype.Service;

/**
 * The OPD master: keeps the store's pemda, OPD, unit and alias tables in step with the reference
 * files and answers who an OPD is from any of its spellings.
 */
@Service
public class OpdService {

    private final Store store;
    private final Path etlDir;
    private volatile OpdDirectory directory;

    public OpdService(Store store, SorotProperties properties) {
        this.store = store;
        this.etlDir = properties.etlDir();
        sync();
    }

    public OpdDirectory directory() {
        return directory;
    }

    /** Re-reads the reference files into the store (one transaction) and refreshes the directory. */
    public synchronized void sync() {
        List<OpdReference.PemdaEntry> reference = OpdReference.read(etlDir);
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                write(c, reference);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            OpdDirectory d = read(c);
            attachRules(d, reference);
            directory = d;
        } catch (SQLException e) {
            throw new StoreException("cannot store the OPD reference: " + e.getMessage(), e);
        }
    }

    private static void write(DuckDBConnection c, List<OpdReference.PemdaEntry> reference) throws SQLException {
        Map<String, Integer> pemdaIds = ids(c, "SELECT kode, pemda_id FROM pemda");
        for (OpdReference.PemdaEntry p : reference) {
            Integer id = pemdaIds.get(p.kode());
            if (id == null) {
                id = nextval(c, "seq_pemda");
                pemdaIds.put(p.kode(), id);
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT OR REPLACE INTO pemda VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, p.kode());
                ps.setString(3, p.nama());
                ps.setString(4, p.jenis());
                ps.setString(5, p.provinsi());
                ps.setString(6, p.bandSets().get("predikat"));
                ps.setString(7, p.bandSets().get("mutu"));
                ps.setString(8, p.bandSets().get("capaian"));
                ps.setObject(9, p.deviasi().merah());
                ps.setObject(10, p.deviasi().kuning());
                ps.executeUpdate();
            }
        }
        // OPDs and units keep their ids across syncs: match on (pemda, kode) and (pemda, opd, name).
        Map<String, Integer> opdIds = ids(c, "SELECT pemda_id || '|' || kode, opd_id FROM opd");
        Map<String, Integer> unitIds = ids(
                c,
                "SELECT pemda_id || '|' || opd_id || '|' || CASE WHEN is_opd THEN '' ELSE nama END, unit_id FROM unit_layanan");
        int nextOpd = nextval(c, "seq_opd");
        int nextUnit = nextval(c, "seq_unit");
        try (Statement s = c.createStatement()) {
            for (OpdReference.PemdaEntry p : reference) {
                s.execute("DELETE FROM opd_alias WHERE pemda_id = " + pemdaIds.get(p.kode()));
            }
            s.execute("CREATE OR REPLACE TABLE sync_opd AS SELECT * FROM opd LIMIT 0");
            s.execute("CREATE OR REPLACE TABLE sync_unit AS SELECT * FROM unit_layanan LIMIT 0");
        }
        try (DuckDBAppender opdIn = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sync_opd");
                DuckDBAppender unitIn = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sync_unit");
                DuckDBAppender alias = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "opd_alias")) {
            for (OpdReference.PemdaEntry p : reference) {
                int pemdaId = pemdaIds.get(p.kode());
                Map<String, Integer> byKode = new HashMap<>();
                for (OpdReference.OpdEntry o : p.opd()) {
                    Integer id = opdIds.get(pemdaId + "|" + o.kode());
                    if (id == null) {
                        id = nextOpd++;
                    }
                    byKode.put(o.kode(), id);
                }
                for (OpdReference.OpdEntry o : p.opd()) {
                    int id = byKode.get(o.kode());
                    opdIn.beginRow();
                    opdIn.append(id);
                    opdIn.append(pemdaId);
                    opdIn.append(o.kode());
                    opdIn.append(o.nama());
                    opdIn.append(o.singkatan());
                    opdIn.append(o.jenis());
                    if (o.parent() == null) {
                        opdIn.appendNull();
                    } else {
                        opdIn.append((int) byKode.get(o.parent()));
                    }
                    opdIn.endRow();
                    Integer unit = unitIds.get(pemdaId + "|" + id + "|");
                    if (unit == null) {
                        unit = nextUnit++;
                    }
                    appendUnit(unitIn, unit, pemdaId, id, o.nama(), o.jenis(), true);
                    for (String spelling : spellings(o.kode(), o.nama(), o.singkatan(), o.aliases())) {
                        appendAlias(alias, pemdaId, spelling, id, null);
                    }
                }
                for (OpdReference.UnitEntry u : p.units()) {
                    int opdId = byKode.get(u.opd());
                    Integer unit = unitIds.get(pemdaId + "|" + opdId + "|" + u.nama());
                    if (unit == null) {
                        unit = nextUnit++;
                    }
                    appendUnit(unitIn, unit, pemdaId, opdId, u.nama(), u.jenis(), false);
                    for (String spelling : spellings(null, u.nama(), null, u.aliases())) {
                        appendAlias(alias, pemdaId, spelling, null, unit);
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT OR REPLACE INTO opd SELECT * FROM sync_opd");
            s.execute("INSERT OR REPLACE INTO unit_layanan SELECT * FROM sync_unit");
            s.execute("DROP TABLE sync_opd");
            s.execute("DROP TABLE sync_unit");
            s.execute("SELECT setval('seq_opd', " + nextOpd + ")");
            s.execute("SELECT setval('seq_unit', " + nextUnit + ")");
        }
    }

    private static List<String> spellings(String kode, String nama, String singkatan, List<String> aliases) {
        List<String> out = new ArrayList<>();
        if (kode != null) out.add(kode);
        out.add(nama);
        if (singkatan != null) out.add(singkatan);
        out.addAll(aliases);
        return out;
    }

    private static void appendUnit(
            DuckDBAppender a, int id, int pemdaId, int opdId, String nama, String jenis, boolean isOpd)
            throws SQLException {
        a.beginRow();
        a.append(id);
        a.append(pemdaId);
        a.append(opdId);
        a.append(nama);
        a.append(jenis);
        a.append(isOpd);
        a.endRow();
    }

    private static void appendAlias(DuckDBAppender a, int pemdaId, String spelling, Integer opdId, Integer unitId)
            throws SQLException {
        a.beginRow();
        a.append(pemdaId);
        a.append(OpdDirectory.key(spelling));
        a.append(spelling);
        if (opdId == null) a.appendNull();
        else a.append((int) opdId);
        if (unitId == null) a.appendNull();
        else a.append((int) unitId);
        a.endRow();
    }

    private static Map<String, Integer> ids(Connection c, String sql) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** Each indicator rule to the OPD it names; a rule naming no OPD of its pemda stops the sync. */
    private static void attachRules(OpdDirectory d, List<OpdReference.PemdaEntry> reference) {
        for (OpdReference.PemdaEntry p : reference) {
            Pemda pemda = d.pemda(p.kode()).orElseThrow();
            for (IndikatorRule rule : p.indikator()) {
                Opd opd = d.findOpd(pemda.id(), rule.opd())
                        .orElseThrow(() -> new DefinitionException(
                                rule.file(),
                                rule.path() + ".opd",
                                "names OPD '" + rule.opd() + "', which " + pemda.nama() + " does not list"));
                d.addIndikatorRule(opd.id(), rule);
            }
        }
    }

    private static int nextval(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static OpdDirectory read(Connection c) throws SQLException {
        List<Pemda> pemda = new ArrayList<>();
        List<Opd> opds = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Map<Integer, Map<String, Integer>> opdKeys = new HashMap<>();
        Map<Integer, Map<String, Integer>> unitKeys = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM pemda")) {
                while (rs.next()) {
                    pemda.add(new Pemda(
                            rs.getInt("pemda_id"),
                            rs.getString("kode"),
                            rs.getString("nama"),
                            rs.getString("jenis"),
                            rs.getString("provinsi"),
                            rs.getString("band_predikat"),
                            rs.getString("band_mutu"),
                            rs.getString("band_capaian"),
                            (Double) rs.getObject("deviasi_merah"),
                            (Double) rs.getObject("deviasi_kuning")));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM opd")) {
                while (rs.next()) {
                    int parent = rs.getInt("parent_opd_id");
                    opds.add(new Opd(
                            rs.getInt("opd_id"),
                            rs.getInt("pemda_id"),
                            rs.getString("kode"),
                            rs.getString("nama"),
                            rs.getString("singkatan"),
                            rs.getString("jenis"),
                            rs.wasNull() ? null : parent));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM unit_layanan")) {
                while (rs.next()) {
                    units.add(new Unit(
                            rs.getInt("unit_id"),
                            rs.getInt("pemda_id"),
                            rs.getInt("opd_id"),
                            rs.getString("nama"),
                            rs.getString("jenis"),
                            rs.getBoolean("is_opd")));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT pemda_id, alias_key, opd_id, unit_id FROM opd_alias")) {
                while (rs.next()) {
                    int pemdaId = rs.getInt(1);
                    int opd = rs.getInt(3);
                    if (!rs.wasNull()) {
                        opdKeys.computeIfAbsent(pemdaId, k -> new HashMap<>()).put(rs.getString(2), opd);
                    }
                    int unit = rs.getInt(4);
                    if (!rs.wasNull()) {
                        unitKeys.computeIfAbsent(pemdaId, k -> new HashMap<>()).put(rs.getString(2), unit);
                    }
                }
            }
        }
        return new OpdDirectory(pemda, opds, units, opdKeys, unitKeys);
    }
}
