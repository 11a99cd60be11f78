package id.sorot.cube.calcite;

import java.sql.SQLException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What a JDBC client may run: one query (SELECT, with UNION, WITH, ORDER BY, VALUES) that reads the
 * {@code cubes} views only. DML, DDL, SET, EXPLAIN and the store's own tables are refused before
 * Calcite plans anything, with a message that says so.
 */
final class ReadOnlySql {

    static final String RULE = "Sorot's JDBC is read-only: one SELECT on the cubes schema (cubes.<name>)";

    private ReadOnlySql() {}

    static void check(String sql) throws SQLException {
        SqlNode node;
        try {
            node = SqlParser.create(
                            sql,
                            SqlParser.config()
                                    .withQuoting(Quoting.DOUBLE_QUOTE)
                                    .withUnquotedCasing(Casing.UNCHANGED)
                                    .withQuotedCasing(Casing.UNCHANGED)
                                    .withCaseSensitive(true))
                    .parseQuery();
        } catch (SqlParseException e) {
            throw new SQLException(RULE + "; this is not one: " + firstLine(e.getMessage()), "42000", e);
        }
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            throw new SQLException(RULE + "; " + node.getKind() + " is refused", "42501");
        }
        try {
            node.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (call instanceof SqlSelect select && select.getFrom() != null) from(select.getFrom());
                    return super.visit(call);
                }
            });
        } catch (Refused e) {
            throw new SQLException(e.getMessage(), "42501");
        }
    }

    /** A FROM clause: cubes' views, joins and aliases of them, and subqueries (checked on their own). */
    private static void from(SqlNode node) {
        switch (node) {
            case SqlIdentifier id -> {
                // one name is a cube (the connection's schema is cubes) or a WITH query; two must start with cubes
                if (id.names.size() > 2
                        || id.names.size() == 2 && !id.names.get(0).equals(CubeSchemaFactory.CUBES)) {
                    throw new Refused(RULE + "; " + id + " is not a cube");
                }
            }
            case SqlJoin join -> {
                from(join.getLeft());
                from(join.getRight());
            }
            case SqlCall call when call.getKind() == SqlKind.AS -> from(call.operand(0));
            case SqlCall call when call.getKind().belongsTo(SqlKind.QUERY) -> {
                // a subquery: the visitor checks its own FROM
            }
            default -> throw new Refused(RULE + "; " + node.getKind() + " in FROM is refused");
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Thrown from inside the visitor, which cannot throw a checked exception. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
