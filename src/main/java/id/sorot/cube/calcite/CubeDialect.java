package id.sorot.cube.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's DuckDB dialect, except that a cast to a string type is written as plain VARCHAR:
 * Calcite adds {@code CHARACTER SET "ISO-8859-1"} (when a LEFT JOIN becomes INNER and columns turn
 * NOT NULL), which DuckDB does not parse; and AVG is DuckDB's own, so it is pushed down as AVG.
 */
public final class CubeDialect extends DuckDBSqlDialect {

    public static final CubeDialect INSTANCE = new CubeDialect();

    private CubeDialect() {
        super(DEFAULT_CONTEXT);
    }

    @Override
    public boolean supportsAggregateFunction(SqlKind kind) {
        return switch (kind) {
            case AVG, COUNT, SUM, SUM0, MIN, MAX -> true;
            default -> super.supportsAggregateFunction(kind);
        };
    }

    @Override
    public @Nullable SqlNode getCastSpec(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.VARCHAR || name == SqlTypeName.CHAR) {
            return new SqlDataTypeSpec(
                    new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO), SqlParserPos.ZERO);
        }
        return super.getCastSpec(type);
    }
}
