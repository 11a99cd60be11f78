package id.sorot.access.web;

import static id.sorot.access.Role.ADMIN;
import static id.sorot.access.Role.BAGIAN_ORGANISASI;
import static id.sorot.access.Role.INSPEKTORAT;
import static id.sorot.access.Role.OPERATOR_OPD;

import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.sorot.access.Actor;
import id.sorot.access.Role;
import id.sorot.access.SingleSignOn;
import id.sorot.access.Tokens;
import id.sorot.base.ui.PublicPortal;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Two doors. {@code /api/**} is stateless and takes only personal access tokens (Bearer): no
 * cookie authenticates it, so a page on another origin cannot act through a signed-in browser, and
 * it needs no CSRF token. Everything else is Vaadin's chain: sign-in at {@code /masuk}, every view
 * allowed by its own annotation, Vaadin's CSRF protection, sign-out back to the sign-in page.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    /**
     * The app's own scripts and styles only. Flow itself needs inline bootstrap script and
     * {@code eval} for the JavaScript it sends the browser, and inline styles for Lumo and ECharts;
     * a chart's PNG is read back from its data: URL. Nothing from another origin is loaded, framed
     * or posted to.
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, JsonErrors errors) throws Exception {
        String[] loaders = roles(BAGIAN_ORGANISASI, INSPEKTORAT, OPERATOR_OPD, ADMIN);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/etl/jobs/reload")
                        .hasAnyRole(roles(BAGIAN_ORGANISASI, ADMIN))
                        .requestMatchers("/api/v1/etl/**")
                        .hasAnyRole(loaders)
                        .requestMatchers("/api/v1/cubes", "/api/v1/cubes/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .addFilterBefore(new BearerTokenFilter(tokens, errors), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(errors.unauthorized()).accessDeniedHandler(errors.forbidden()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(
            HttpSecurity http,
            VaadinDefaultRequestCache requestCache,
            ObjectProvider<ClientRegistrationRepository> registrations,
            SingleSignOn sso,
            StoreAuthentication passwords,
            AuthenticationEventPublisher events,
            PublicPortal portal)
            throws Exception {
        // The page an anonymous visitor asked for is kept in a cookie, not a session, so that the
        // redirect to the sign-in page creates none: a stream of anonymous requests holds no memory.
        requestCache.setDelegateRequestCache(new CookieRequestCache());
        // Single sign-on when a provider is configured (spring.security.oauth2.client.*): the same
        // sign-in page offers it, and a refusal comes back there with ?error.
        if (registrations.getIfAvailable() != null) {
            OidcAccounts accounts = new OidcAccounts(sso);
            // One manager for both ways in, named here: left to the builders, the OIDC provider
            // never reached the manager the callback uses (ProviderNotFoundException).
            ProviderManager manager = new ProviderManager(
                    passwords,
                    new OidcAuthorizationCodeAuthenticationProvider(
                            new RestClientAuthorizationCodeTokenResponseClient(), accounts));
            manager.setAuthenticationEventPublisher(events);
            http.authenticationManager(manager);
            http.oauth2Login(o -> o.loginPage("/" + SignInView.PATH)
                    .failureUrl("/" + SignInView.PATH + "?error")
                    .userInfoEndpoint(u -> u.oidcUserService(accounts)));
        }
        // The public portal's visitor is still anonymous (the sign-in page stays open to them, every
        // other page still sends them there) but reads as an actor limited to the portal's pemda.
        if (portal.enabled()) {
            List<String> authorities = new java.util.ArrayList<>(List.of(PublicPortal.VISITOR));
            if (portal.tableExports()) authorities.add(PublicPortal.TABLES);
            // each published dashboard as an authority, so a view can hide its links to the others
            portal.dashboards().forEach(d -> authorities.add(PublicPortal.DASHBOARD + d));
            http.anonymous(
                    a -> a.principal(Actor.visitor(portal.pemda())).authorities(authorities.toArray(String[]::new)));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInView.class));
        headers(http);
        return http.build();
    }

    /** Each view's annotation decides, and for the public visitor the portal's list of dashboards too. */
    @Bean
    NavigationAccessControlConfigurer navigationAccessControlConfigurer(
            AnnotatedViewAccessChecker views, PublicPortal portal) {
        return new NavigationAccessControlConfigurer()
                .withNavigationAccessChecker(new PublicPortalAccess(views, portal));
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                // written before the request goes on: Vaadin's page responses otherwise went out
                // without them (it sets its own X-Frame-Options only where none is set yet)
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }

    /** Publishes sign-in successes and failures, which {@link SignInAudit} records. */
    @Bean
    AuthenticationEventPublisher authenticationEvents(org.springframework.context.ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        // a refused single sign-on (OAuth2AuthenticationException) is a failed sign-in like any other
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
