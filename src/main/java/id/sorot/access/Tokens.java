package id.sorot.access;

import id.sorot.base.duckdb.Store;
import id.sorot.base.duckdb.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens for machines (the API's Bearer, Avatica's password): shown once when
 * made, stored as their SHA-256 only, with an expiry, revocable. A token acts as its user, with the
 * user's role and limits as they are at each use (a disabled user's tokens stop working).
 */
@Service
public class Tokens {

    /** Every token starts so, which lets a secret scanner find one pasted where it should not be. */
    public static final String PREFIX = "sorot_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Users users;

    public Tokens(Store store, Users users) {
        this.store = store;
        this.users = users;
    }

    /** A token as listed: never its secret. */
    public record Token(
            long id,
            String username,
            String name,
            String hint,
            LocalDateTime createdAt,
            LocalDateTime expiresAt,
            LocalDateTime revokedAt,
            LocalDateTime lastUsedAt) {
        public boolean activeAt(LocalDateTime now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new token and its secret, which is never shown again. */
    public record Created(Token token, String secret) {}

    public Created create(String username, String name, int days) {
        Account a = users.require(username);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a token needs a name");
        if (days < 1 || days > 366) throw new IllegalArgumentException("a token lasts 1 to 366 days, not " + days);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime now = Clock.now();
        long id;
        try (DuckDBConnection c = store.connect()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT nextval('seq_token')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO api_token (token_id, user_id, name, hash, hint,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, id);
                p.setLong(2, a.id());
                p.setString(3, name.strip());
                p.setString(4, hash(secret));
                p.setString(5, secret.substring(0, PREFIX.length() + 4) + "…");
                p.setTimestamp(6, Timestamp.valueOf(now));
                p.setTimestamp(7, Timestamp.valueOf(now.plusDays(days)));
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot make a token for " + username + ": " + e.getMessage(), e);
        }
        return new Created(
                list(username).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    /**
     * The actor a token acts for, when it is known, not expired or revoked, and its user may sign
     * in; its last use is recorded.
     */
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
        String hash = hash(secret.strip());
        LocalDateTime now = Clock.now();
        String username;
        long id;
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement(
                        "SELECT t.token_id, u.username FROM api_token t JOIN app_user u"
                                + " ON u.user_id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?")) {
            p.setString(1, hash);
            p.setTimestamp(2, Timestamp.valueOf(now));
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                id = rs.getLong(1);
                username = rs.getString(2);
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE token_id = ?")) {
                u.setTimestamp(1, Timestamp.valueOf(now));
                u.setLong(2, id);
                u.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check a token: " + e.getMessage(), e);
        }
        return users.find(username).filter(Account::enabled).map(a -> a.actor("token"));
    }

    /** Revokes one of {@code username}'s tokens (an admin may name anyone's); false when there is none such. */
    public boolean revoke(String username, long tokenId) {
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE token_id = ?"
                        + " AND revoked_at IS NULL AND user_id = (SELECT user_id FROM app_user WHERE username = ?)")) {
            p.setTimestamp(1, Timestamp.valueOf(Clock.now()));
            p.setLong(2, tokenId);
            p.setString(3, username);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot revoke token " + tokenId + ": " + e.getMessage(), e);
        }
    }

    public List<Token> list(String username) {
        List<Token> out = new ArrayList<>();
        try (DuckDBConnection c = store.connect();
                PreparedStatement p = c.prepareStatement("SELECT t.token_id, u.username, t.name, t.hint, t.created_at,"
                        + " t.expires_at, t.revoked_at, t.last_used_at FROM api_token t JOIN app_user u ON u.user_id ="
                        + " t.user_id WHERE u.username = ? ORDER BY t.token_id DESC")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Token(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Users.time(rs.getTimestamp(5)),
                            Users.time(rs.getTimestamp(6)),
                            Users.time(rs.getTimestamp(7)),
                            Users.time(rs.getTimestamp(8))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the tokens of " + username + ": " + e.getMessage(), e);
        }
        return out;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
