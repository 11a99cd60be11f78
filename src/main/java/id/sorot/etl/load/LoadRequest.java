package id.sorot.etl.load;

import id.sorot.access.Actor;

/**
 * What a load needs besides the file: values the file does not carry (pemda kode or name, period
 * year, OPD), who asked, for the batch record, and whether they confirm a load that removes many
 * rows.
 *
 * @param user the batch history's "Oleh": the signed-in user or token owner, else what ran the load
 * @param actor whose role and pemda (and OPD) limit what the load may write; null when Sorot itself
 *     loads (sample data, {@code sorot etl} on the machine that holds the store), which is not limited
 * @param ip where the request came from, for the audit log; null outside a request
 * @param confirm the load may remove more than {@code sorot.access.confirm-percent} of the rows in
 *     its scope (only a role that {@linkplain id.sorot.access.Role#confirmsInto confirms} may)
 */
public record LoadRequest(
        String pemda, String period, String opd, String user, Actor actor, String ip, boolean confirm) {

    public LoadRequest(String pemda, String period, String opd, String user) {
        this(pemda, period, opd, user, null, null, false);
    }

    public static LoadRequest by(String user) {
        return new LoadRequest(null, null, null, user);
    }

    /** A load asked for by a signed-in user or a token's owner. */
    public static LoadRequest as(Actor actor, String ip) {
        return new LoadRequest(null, null, null, actor.username(), actor, ip, false);
    }

    public LoadRequest withPemda(String value) {
        return new LoadRequest(value, period, opd, user, actor, ip, confirm);
    }

    public LoadRequest withPeriod(String value) {
        return new LoadRequest(pemda, value, opd, user, actor, ip, confirm);
    }

    public LoadRequest withOpd(String value) {
        return new LoadRequest(pemda, period, value, user, actor, ip, confirm);
    }

    public LoadRequest withConfirm(boolean value) {
        return new LoadRequest(pemda, period, opd, user, actor, ip, value);
    }

    /** Whether this request may let a load that removes many rows of {@code target} go in. */
    boolean confirmedFor(String target) {
        return confirm && (actor == null || actor.role().confirmsInto(target));
    }
}
