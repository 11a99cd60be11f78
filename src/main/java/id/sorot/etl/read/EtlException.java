package id.sorot.etl.read;

import java.util.List;

/** A file cannot be loaded at all (empty, binary, wrong encoding, oversized, wrong layout). */
public class EtlException extends RuntimeException {

    private final transient List<Problem> problems;

    public EtlException(Problem problem) {
        this(List.of(problem));
    }

    public EtlException(List<Problem> problems) {
        super(
                problems.isEmpty()
                        ? "ETL failed"
                        : problems.getFirst().code() + " " + problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
