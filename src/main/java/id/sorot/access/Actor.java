package id.sorot.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The person (or their token) a request acts for, as the rest of Sorot sees them.
 *
 * @param username who, as stored; the batch history's "Oleh"
 * @param pemda the pemda (kode) they belong to; empty for an admin, who sees every pemda
 * @param opd an operator's own OPD (kode), or null
 * @param opdOnly whether an operator sees only its OPD's rows, not the whole pemda's
 * @param via how they signed in: {@code password}, {@code token}, {@code oidc}, {@code public}
 */
public record Actor(String username, Role role, Set<String> pemda, String opd, boolean opdOnly, String via)
        implements Principal, Serializable {

    public Actor {
        pemda = Set.copyOf(pemda);
    }

    /** The public portal's visitor: reads the given pemda like a pimpinan, on the pages the portal opens. */
    public static Actor visitor(java.util.Collection<String> pemda) {
        return new Actor("publik", Role.PIMPINAN, Set.copyOf(pemda), null, false, "public");
    }

    /** Whether this is the public portal's visitor, not a signed-in user. */
    public boolean visiting() {
        return "public".equals(via);
    }

    /** The user name, which Spring Security reports as the authentication's name. */
    @Override
    public String getName() {
        return username;
    }

    /** Whether no pemda limit applies (an admin). */
    public boolean everyPemda() {
        return role == Role.ADMIN;
    }

    public boolean belongsTo(String pemdaKode) {
        return everyPemda() || pemda.contains(pemdaKode);
    }

    /** The OPD whose rows alone this actor may see, or null when it sees its pemda's. */
    public String readOpd() {
        return role == Role.OPERATOR_OPD && opdOnly ? opd : null;
    }

    /** The OPD whose rows alone this actor may load, or null when any of its pemda's. */
    public String loadOpd() {
        return role == Role.OPERATOR_OPD ? opd : null;
    }
}
