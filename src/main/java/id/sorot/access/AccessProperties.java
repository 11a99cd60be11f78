package id.sorot.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in and loads are guarded ({@code sorot.access.*}).
 *
 * @param maxFailures failed sign-ins in a row that lock a user
 * @param lockMinutes how long the lock lasts
 * @param tokenDays the life of a new personal access token unless its owner picks another
 * @param confirmPercent a load that would remove more than this share of the rows in its scope waits
 *     for a confirmation ("perlu konfirmasi")
 * @param signInSessionSeconds how long a session that never signed in lives without a request (the
 *     sign-in page's own); a signed-in session gets {@code server.servlet.session.timeout}
 */
@ConfigurationProperties("sorot.access")
public record AccessProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15") int lockMinutes,
        @DefaultValue("90") int tokenDays,
        @DefaultValue("20") int confirmPercent,
        @DefaultValue("120") int signInSessionSeconds) {

    /** The defaults, for code built outside Spring (tests, benchmarks). */
    public static AccessProperties defaults() {
        return new AccessProperties(5, 15, 90, 20, 120);
    }
}
