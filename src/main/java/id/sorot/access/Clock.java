package id.sorot.access;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times in the access tables are UTC, to the millisecond (the store's TIMESTAMP has no zone). */
final class Clock {

    private Clock() {}

    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
