package id.sorot.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of a single sign-on's ID token say who a user is and what they may do
 * ({@code sorot.oidc.*}); the provider itself is Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>.*} and {@code ...provider.<id>.issuer-uri}.
 *
 * @param usernameClaim the user name in Sorot
 * @param roleClaim one of the role keys ({@code pimpinan}, {@code bagian_organisasi}, ...)
 * @param pemdaClaim the pemda kode, a list or comma-separated
 * @param opdClaim an operator's OPD kode
 * @param opdOnlyClaim {@code true} when an operator sees only its OPD's rows
 */
@ConfigurationProperties("sorot.oidc")
public record OidcProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("sorot_role") String roleClaim,
        @DefaultValue("sorot_pemda") String pemdaClaim,
        @DefaultValue("sorot_opd") String opdClaim,
        @DefaultValue("sorot_opd_only") String opdOnlyClaim) {

    public static OidcProperties defaults() {
        return new OidcProperties("preferred_username", "sorot_role", "sorot_pemda", "sorot_opd", "sorot_opd_only");
    }
}
