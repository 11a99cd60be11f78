package id.sorot.cube.model;

/** A query names something the cube does not have, or gives a value of the wrong kind; {@code field} says which part. */
public class CubeQueryException extends RuntimeException {

    private final String field;

    public CubeQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
