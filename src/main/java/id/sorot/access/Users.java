package id.sorot.access;

import id.sorot.base.duckdb.Store;
import id.sorot.base.duckdb.StoreException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, their role and memberships, in the store ({@code app_user}, {@code app_user_pemda}).
 * Passwords are kept as bcrypt hashes only. Every change here is written to the audit log by the
 * caller, who knows who asked.
 */
@Service
public class Users {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();

    public Users(Store store) {
        this.store = store;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    /** A password of 20 random characters (about 120 bits), for a new user or a reset. */
    public static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a new user is: everything but its password. */
    public record Draft(String username, String fullName, Role role, Set<String> pemda, String opd, boolean opdOnly) {
        public Draft {
            pemda = pemda == null ? Set.of() : Set.copyOf(pemda);
            opd = opd == null || opd.isBlank() ? null : opd.strip();
        }
    }

    /** Refuses a user no rule allows: a bad name, a non-admin without a pemda, an operator without its OPD. */
    public static void check(Draft d) {
        if (d.username() == null || !NAME.matcher(d.username()).matches()) {
            throw new IllegalArgumentException("user name '" + d.username()
                    + "': 2-64 characters, lower-case letters, digits and . _ @ - (starting with a letter or digit)");
        }
        if (d.role() == null) throw new IllegalArgumentException("user " + d.username() + ": a role is required");
        if (d.role() != Role.ADMIN && d.pemda().isEmpty()) {
            throw new IllegalArgumentException(
                    "user " + d.username() + ": role " + d.role().key() + " needs at least one pemda (--pemda=3275)");
        }
        if (d.role() == Role.OPERATOR_OPD && (d.opd() == null || d.pemda().size() != 1)) {
            throw new IllegalArgumentException("user " + d.username()
                    + ": an operator_opd belongs to exactly one pemda and one OPD (--opd=SETDA)");
        }
        if (d.role() != Role.OPERATOR_OPD && (d.opd() != null || d.opdOnly())) {
            throw new IllegalArgumentException("user " + d.username() + ": only an operator_opd has an OPD");
        }
    }

    public Account add(Draft d, String password, String source) {
        check(d);
        if (find(d.username()).isPresent()) {
            throw new IllegalArgumentException("user " + d.username() + " exists already");
        }
        if (password != null) checkPassword(password);
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            long id;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT nextval('seq_user')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO app_user (user_id, username, full_name,"
                    + " password_hash, role, opd_kode, opd_only, enabled, failed_signins, created_at, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)")) {
                p.setLong(1, id);
                p.setString(2, d.username());
                p.setString(3, d.fullName());
                p.setString(4, password == null ? null : encoder.encode(password));
                p.setString(5, d.role().key());
                p.setString(6, d.opd());
                p.setBoolean(7, d.opdOnly());
                p.setTimestamp(8, Timestamp.valueOf(Clock.now()));
                p.setString(9, source);
                p.executeUpdate();
            }
            writePemda(c, id, d.pemda());
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot add user " + d.username() + ": " + e.getMessage(), e);
        }
        return find(d.username()).orElseThrow();
    }

    /** Changes role, name and memberships (not the password). */
    public Account update(Draft d) {
        check(d);
        Account a = require(d.username());
        try (DuckDBConnection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE app_user SET full_name = ?, role = ?, opd_kode = ?, opd_only = ? WHERE user_id = ?")) {
                p.setString(1, d.fullName());
                p.setString(2, d.role().key());
                p.setString(3, d.opd());
                p.setBoolean(4, d.opdOnly());
                p.setLong(5, a.id());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM app_user_pemda WHERE user_id = ?")) {
                p.setLong(1, a.id());
                p.executeUpdate();
            }
            writePemda(c, a.id(), d.pemda());
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot change user " + d.username() + ": " + e.getMessage(), e);
        }
        return require(d.username());
    }

    private static void writePemda(DuckDBConnection c, long id, Set<String> pemda) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO app_user_pemda (user_id, pemda_kode) VALUES (?, ?)")) {
            for (String k : new TreeSet<>(pemda)) {
                p.setLong(1, id);
                p.setString(2, k);
                p.executeUpdate();
            }
        }
    }

    public static void checkPassword(String password) {
        if (password.length() < 10) throw new IllegalArgumentException("a password needs at least 10 characters");
    }

    public void passwd(String username, String password) {
        checkPassword(password);
        Account a = require(username);
        set(a.id(), "password_hash = ?, failed_signins = 0, locked_until = NULL", encoder.encode(password));
    }

    public void setEnabled(String username, boolean enabled) {
        set(require(username).id(), "enabled = ?", enabled);
    }

    /** Counts a failed sign-in; the {@code max}-th in a row locks the user for {@code lockMinutes}. */
    public void signInFailed(String username, int max, int lockMinutes) {
        Optional<Account> a = find(username);
        if (a.isEmpty()) return;
        int failed = a.get().failedSignIns() + 1;
        if (failed >= max) {
            set(
                    a.get().id(),
                    "failed_signins = 0, locked_until = ?",
                    Timestamp.valueOf(Clock.now().plusMinutes(lockMinutes)));
        } else {
            set(a.get().id(), "failed_signins = ?", failed);
        }
    }

    public void signInSucceeded(String username) {
        find(username).ifPresent(a -> {
            if (a.failedSignIns() > 0 || a.lockedUntil() != null) {
                set(a.id(), "failed_signins = 0, locked_until = NULL");
            }
        });
    }

    private void set(long id, String assignments, Object... values) {
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement("UPDATE app_user SET " + assignments + " WHERE user_id = ?")) {
            for (int i = 0; i < values.length; i++) p.setObject(i + 1, values[i]);
            p.setLong(values.length + 1, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot change user " + id + ": " + e.getMessage(), e);
        }
    }

    public Account require(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
    }

    public Optional<Account> find(String username) {
        if (username == null) return Optional.empty();
        return read("WHERE u.username = ?", username.strip().toLowerCase(java.util.Locale.ROOT)).stream()
                .findFirst();
    }

    public List<Account> list() {
        return read("", null);
    }

    public boolean none() {
        try (DuckDBConnection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM app_user")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the users: " + e.getMessage(), e);
        }
    }

    private List<Account> read(String where, String value) {
        String sql = "SELECT u.user_id, u.username, u.full_name, u.password_hash, u.role, u.opd_kode, u.opd_only,"
                + " u.enabled, u.failed_signins, u.locked_until, u.created_at, u.source,"
                + " list(m.pemda_kode ORDER BY m.pemda_kode) FILTER (WHERE m.pemda_kode IS NOT NULL)"
                + " FROM app_user u LEFT JOIN app_user_pemda m ON m.user_id = u.user_id " + where
                + " GROUP BY ALL ORDER BY u.username";
        Map<Long, Account> out = new LinkedHashMap<>();
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement(sql)) {
            if (value != null) p.setString(1, value);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Set<String> pemda = new TreeSet<>();
                    java.sql.Array arr = rs.getArray(13);
                    if (arr != null) {
                        for (Object o : (Object[]) arr.getArray()) pemda.add(String.valueOf(o));
                    }
                    out.put(
                            rs.getLong(1),
                            new Account(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    Role.of(rs.getString(5)),
                                    pemda,
                                    rs.getString(6),
                                    rs.getBoolean(7),
                                    rs.getBoolean(8),
                                    rs.getInt(9),
                                    time(rs.getTimestamp(10)),
                                    time(rs.getTimestamp(11)),
                                    rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the users: " + e.getMessage(), e);
        }
        return new ArrayList<>(out.values());
    }

    static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
