package id.sorot.etl;

import java.util.List;

/**
 * One source layout, read from {@code etl/jobs/<name>.yml}: what it is, which target (fact) it
 * feeds, which parameters a load needs because the file does not carry them, and its layout.
 *
 * @param parameters among {@code pemda}, {@code period}, {@code opd}
 * @param samples sample inputs shipped under {@code etl/samples/}, relative to that folder
 */
public record JobSpec(
        String name, String description, String target, List<String> parameters, List<String> samples, Layout layout) {

    public boolean needs(String parameter) {
        return parameters.contains(parameter);
    }
}
