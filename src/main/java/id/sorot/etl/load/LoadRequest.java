package id.sorot.etl.load;

/**
 * What a load needs besides the file: values the file does not carry (pemda kode or name, period
 * year, OPD) and who asked, for the batch record.
 */
public record LoadRequest(String pemda, String period, String opd, String user) {

    public static LoadRequest by(String user) {
        return new LoadRequest(null, null, null, user);
    }

    public LoadRequest withPemda(String value) {
        return new LoadRequest(value, period, opd, user);
    }

    public LoadRequest withPeriod(String value) {
        return new LoadRequest(pemda, value, opd, user);
    }

    public LoadRequest withOpd(String value) {
        return new LoadRequest(pemda, period, value, user);
    }
}
