package id.sorot.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch history writes periods as a person reads them. */
class BatchLedgerTest {

    @Test
    void periods_read_as_years_and_triwulan_in_order_once_each() {
        assertThat(BatchLedger.periods(List.of(20240, 20233, 20231, 20240))).isEqualTo("2023-TW1,2023-TW3,2024");
        assertThat(BatchLedger.periods(List.of())).isEmpty();
    }
}
