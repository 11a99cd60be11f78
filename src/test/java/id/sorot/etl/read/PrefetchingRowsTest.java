package id.sorot.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rows read ahead on a second thread arrive in order, across batches, and so does a failure. */
class PrefetchingRowsTest {

    /** {@code n} rows numbered from 1, then a failure if {@code fail}. */
    private static RowSource numbered(int n, boolean fail) {
        return new RowSource() {
            int next = 1;

            @Override
            public Row next() throws IOException {
                if (next <= n) return new Row(next, new String[] {String.valueOf(next++)});
                if (fail) throw new EtlException(Problem.at("f.tsv", n + 1, "etl.error.unclosed_quote"));
                return null;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void every_row_arrives_once_in_order_across_batch_boundaries() throws Exception {
        int n = 4096 * 3 + 17;
        try (RowSource rows = TableReader.prefetching(numbered(n, false))) {
            for (int i = 1; i <= n; i++) {
                Row r = rows.next();
                assertThat(r.line()).isEqualTo(i);
                assertThat(r.cell(0)).isEqualTo(String.valueOf(i));
            }
            assertThat(rows.next()).isNull();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void a_problem_found_ahead_is_thrown_where_the_rows_are_read() throws Exception {
        try (RowSource rows = TableReader.prefetching(numbered(10, true))) {
            for (int i = 1; i <= 10; i++) assertThat(rows.next().line()).isEqualTo(i);
            assertThatThrownBy(rows::next).isInstanceOf(EtlException.class).satisfies(e -> assertThat(
                            ((EtlException) e).problems().getFirst().row())
                    .isEqualTo(11));
        }
    }
}
