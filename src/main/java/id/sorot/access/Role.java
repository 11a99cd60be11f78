package id.sorot.access;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do, each limited to the pemda they belong to (an admin to none: every pemda).
 * The names are the keys used in the store, on the command line and in OIDC claims.
 */
public enum Role {
    /** every dashboard and export of its pemda, read only */
    PIMPINAN,
    /** the same, plus loading any OPD's files, the OPD master and aliases, job specs */
    BAGIAN_ORGANISASI,
    /** the same reading, plus loading the AKIP / LHE evaluations */
    INSPEKTORAT,
    /** loads only its own OPD's files; sees its pemda's dashboards, or only its OPD's */
    OPERATOR_OPD,
    /** everything: users, tokens, settings */
    ADMIN;

    /** The authority Spring Security checks ({@code ROLE_BAGIAN_ORGANISASI}). */
    public String authority() {
        return "ROLE_" + name();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(r -> r.name().equals(k))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + key + "' (one of "
                        + String.join(
                                ", ", Arrays.stream(values()).map(Role::key).toList()) + ")"));
    }

    /** Whether this role may load files at all. */
    public boolean loads() {
        return this != PIMPINAN;
    }

    /**
     * Whether this role may load into {@code target}: the Inspektorat only the AKIP evaluations, the
     * others that load any target (an operator's rows are then held to its OPD).
     */
    public boolean loadsInto(String target) {
        return switch (this) {
            case PIMPINAN -> false;
            case INSPEKTORAT -> target.startsWith("akip");
            // the pemda's own AKIP is no OPD's file
            case OPERATOR_OPD -> !target.equals("akip_pemda");
            case BAGIAN_ORGANISASI, ADMIN -> true;
        };
    }

    /** Whether this role may write job specs and read them again, and change the OPD master. */
    public boolean editsSpecs() {
        return this == BAGIAN_ORGANISASI || this == ADMIN;
    }

    /** Whether this role may let a load that removes many rows go in: not an operator, whose rows are its OPD's alone. */
    public boolean confirmsInto(String target) {
        return this != OPERATOR_OPD && loadsInto(target);
    }
}
