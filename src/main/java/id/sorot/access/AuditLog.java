package id.sorot.access;

import id.sorot.base.duckdb.Store;
import id.sorot.base.duckdb.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What was done, by whom, from where: every load, replacement, confirmation, rejected upload,
 * user, role and token change, and every sign-in, successful or not. Rows are only ever added.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** What happened; the keys are stored and shown (messages {@code audit.action.<key>}). */
    public enum Action {
        SIGN_IN,
        SIGN_IN_FAILED,
        SIGN_OUT,
        LOAD,
        LOAD_REJECTED,
        LOAD_HELD,
        LOAD_CONFIRMED,
        LOAD_REFUSED,
        SPEC_SAVED,
        SPECS_RELOADED,
        USER_ADDED,
        USER_CHANGED,
        PASSWORD_CHANGED,
        USER_DISABLED,
        USER_ENABLED,
        TOKEN_CREATED,
        TOKEN_REVOKED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Outcome {
        OK,
        DENIED,
        FAILED
    }

    public record Entry(
            long id,
            LocalDateTime at,
            String username,
            String ip,
            String action,
            String subject,
            String detail,
            String outcome) {}

    private final Store store;

    public AuditLog(Store store) {
        this.store = store;
    }

    /**
     * Records one entry. A failure to record is logged and thrown: a write that cannot be audited
     * must not look as if it were.
     */
    public void record(String username, String ip, Action action, String subject, String detail, Outcome outcome) {
        try (DuckDBConnection c = store.connect();
                PreparedStatement p =
                        c.prepareStatement("INSERT INTO audit_log (audit_id, logged_at, username, ip, action,"
                                + " subject, detail, outcome) VALUES (nextval('seq_audit'), ?, ?, ?, ?, ?, ?, ?)")) {
            p.setTimestamp(1, Timestamp.valueOf(Clock.now()));
            p.setString(2, username);
            p.setString(3, ip);
            p.setString(4, action.key());
            p.setString(5, subject);
            p.setString(6, detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000) + "…");
            p.setString(7, outcome.name().toLowerCase(java.util.Locale.ROOT));
            p.executeUpdate();
        } catch (SQLException e) {
            log.error("cannot write the audit log: {} {} {}", username, action, subject, e);
            throw new StoreException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** The latest entries first; {@code username} or {@code action} narrow it when given. */
    public List<Entry> latest(int limit, String username, String action) {
        StringBuilder sql = new StringBuilder(
                "SELECT audit_id, logged_at, username, ip, action, subject, detail, outcome FROM audit_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" AND username = ?");
            args.add(username.strip());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            args.add(action.strip());
        }
        sql.append(" ORDER BY audit_id DESC LIMIT ").append(Math.max(1, Math.min(limit, 100_000)));
        List<Entry> out = new ArrayList<>();
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(
                            rs.getLong(1),
                            Users.time(rs.getTimestamp(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log: " + e.getMessage(), e);
        }
        return out;
    }
}
