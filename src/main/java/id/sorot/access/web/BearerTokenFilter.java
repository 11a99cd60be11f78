package id.sorot.access.web;

import id.sorot.access.Actor;
import id.sorot.access.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer sorot_...}: the request acts for the token's owner, with the owner's
 * role and limits. A header with an unknown, expired or revoked token ends the request with 401 at
 * once rather than falling through as anonymous, so a client learns its token is bad.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;
    private final JsonErrors errors;

    BearerTokenFilter(Tokens tokens, JsonErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = tokens.authenticate(header.substring(7).strip());
        if (actor.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "the token is unknown, expired or revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                StoreAuthentication.signedIn(actor.get(), new WebAuthenticationDetailsSource().buildDetails(request)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
