package id.sorot.access.web;

import id.sorot.access.Account;
import id.sorot.access.Actor;
import id.sorot.access.Users;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the store: the user exists, is enabled, is not locked
 * after too many failures, and the password matches its bcrypt hash. The principal is the
 * {@link Actor}, whose role is the one authority.
 */
@Component
class StoreAuthentication implements AuthenticationProvider {

    private final Users users;
    // Compared against when the user does not exist, so an unknown name costs as long as a known one.
    private final String dummyHash;

    StoreAuthentication(Users users) {
        this.users = users;
        this.dummyHash = users.encoder().encode(Users.randomPassword());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).strip().toLowerCase(java.util.Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        Optional<Account> found = users.find(username);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            users.encoder().matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        Account a = found.get();
        if (a.lockedAt(LocalDateTime.now(ZoneOffset.UTC))) throw new LockedException("locked");
        if (!users.encoder().matches(password, a.passwordHash())) throw new BadCredentialsException("bad credentials");
        if (!a.enabled()) throw new DisabledException("disabled");
        return signedIn(a.actor("password"), authentication.getDetails());
    }

    static UsernamePasswordAuthenticationToken signedIn(Actor actor, Object details) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                actor, null, List.of(new SimpleGrantedAuthority(actor.role().authority())));
        token.setDetails(details);
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
