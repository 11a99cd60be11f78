package idp;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server, as Spring Boot configures it
 * from properties, on 127.0.0.1. It lives outside {@code id.sorot} so Sorot's component scan never
 * sees it, and leaves Vaadin's auto-configuration out: it is a provider, not a Sorot. Its users'
 * ID tokens carry the claims a pemda's provider would be set up to send: {@code sorot_role},
 * {@code sorot_pemda}.
 */
public final class TestIdentityProvider {

    /** The password of every user of the provider. */
    public static final String PASSWORD = "sandi-idp-uji";

    public static final String CLIENT_SECRET = "rahasia-klien-uji";

    /** The claims each user's ID token carries beyond the standard ones. */
    static final Map<String, Map<String, Object>> CLAIMS = Map.of(
            "budi.sso", Map.of("sorot_role", "pimpinan", "sorot_pemda", List.of("3275"), "name", "Budi SSO"),
            "tanpa.peran", Map.of("sorot_pemda", List.of("3275")),
            "uji-lokal", Map.of("sorot_role", "admin"));

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestIdentityProvider(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts the provider for a client whose redirect goes to {@code clientBaseUrl}. */
    public static TestIdentityProvider start(String clientBaseUrl, String registrationId) {
        int port = freePort();
        String client = "spring.security.oauth2.authorizationserver.client.sorot.";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                // arguments, not default properties: Sorot's application.properties, on the same
                // class path, would override those; its own name keeps that file out entirely
                .run(
                        "--spring.config.name=test-identity-provider",
                        "--server.address=127.0.0.1",
                        "--server.port=" + port,
                        // another name than Sorot's JSESSIONID: cookies do not tell ports apart
                        "--server.servlet.session.cookie.name=IDPSESSION",
                        "--spring.main.banner-mode=off",
                        "--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                        "--" + client + "registration.client-id=sorot",
                        "--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
                        "--" + client + "registration.client-authentication-methods=client_secret_basic",
                        "--" + client + "registration.authorization-grant-types=authorization_code,refresh_token",
                        "--" + client + "registration.redirect-uris=" + clientBaseUrl + "/login/oauth2/code/"
                                + registrationId,
                        "--" + client + "registration.scopes=openid,profile",
                        "--" + client + "require-authorization-consent=false");
        return new TestIdentityProvider(context, port);
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    public void stop() {
        context.close();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider application itself: Boot's auto-configuration but Vaadin's, and its users. */
    @EnableAutoConfiguration(
            excludeName = {
                "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "com.vaadin.flow.spring.VaadinApplicationConfiguration",
                "com.vaadin.flow.spring.VaadinScopesConfig",
                "com.vaadin.flow.spring.VaadinServletConfiguration"
            })
    static class App {
        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(CLAIMS.keySet().stream()
                    .map(name -> User.withUsername(name)
                            .password("{noop}" + PASSWORD)
                            .roles("USER")
                            .build())
                    .toList());
        }

        /**
         * The provider shares the test's JVM with a Sorot, whose Vaadin replaces the static
         * SecurityContextHolder strategy after this provider started. Spring Authorization Server
         * reads the signed-in user through that static holder while the provider's filters keep
         * theirs: both go through whichever strategy is current, or the signed-in user is lost
         * between them ("OAuth 2.0 Parameter: principal"). A provider in its own process needs none of this.
         */
        @Bean
        SecurityContextHolderStrategy currentStrategy() {
            return new SecurityContextHolderStrategy() {
                private SecurityContextHolderStrategy current() {
                    return SecurityContextHolder.getContextHolderStrategy();
                }

                @Override
                public void clearContext() {
                    current().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return current().getContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    current().setContext(context);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return current().createEmptyContext();
                }
            };
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) return;
                String name = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", name);
                CLAIMS.getOrDefault(name, Map.of())
                        .forEach((k, v) -> context.getClaims().claim(k, v));
            };
        }
    }
}
