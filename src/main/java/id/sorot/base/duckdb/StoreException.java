package id.sorot.base.duckdb;

/** The store could not be opened, migrated or closed; the message names the file. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
