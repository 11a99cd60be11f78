package id.sorot.access.web;

import id.sorot.access.Access;
import id.sorot.access.Account;
import id.sorot.access.Actor;
import id.sorot.access.SingleSignOn;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the identity provider's user into Sorot's: its claims go through {@link SingleSignOn},
 * and the principal carries the actor, whose role is the one authority. A refusal comes back to
 * the sign-in page as {@code ?error}, its reason in the audit log.
 */
final class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOn sso;

    OidcAccounts(SingleSignOn sso) {
        this.sso = sso;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Account account;
        try {
            account = sso.signIn(user.getClaims(), ip());
        } catch (IllegalArgumentException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null), e);
        }
        return new SignedIn(user, account.actor("oidc"));
    }

    private static String ip() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest().getRemoteAddr() : null;
    }

    /** The provider's user as Sorot knows it: named by Sorot's user name, with Sorot's role. */
    static final class SignedIn extends DefaultOidcUser implements Access.ActsAs {

        private final Actor actor;

        SignedIn(OidcUser user, Actor actor) {
            super(List.of(new SimpleGrantedAuthority(actor.role().authority())), user.getIdToken(), user.getUserInfo());
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.username();
        }
    }
}
