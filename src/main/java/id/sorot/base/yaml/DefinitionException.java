package id.sorot.base.yaml;

/** A definition file is wrong; the message starts with the file and the path inside it. */
public class DefinitionException extends RuntimeException {

    private final String file;
    private final String path;
    private final String problem;

    public DefinitionException(String file, String path, String problem) {
        super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
