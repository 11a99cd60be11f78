package id.sorot.etl.job;

import id.sorot.etl.read.Layout;
import java.util.List;
import java.util.Map;

/**
 * One source layout, read from {@code etl/jobs/<name>.yml}: what it is, which target (fact) it
 * feeds, which parameters a load needs because the file does not carry them, and its layout.
 *
 * @param parameters among {@code pemda}, {@code period}, {@code opd}
 * @param samples sample inputs shipped under {@code etl/samples/}, relative to that folder
 * @param options conventions of the layout its target understands (e.g. how kode depth maps to level)
 */
public record JobSpec(
        String name,
        String description,
        String target,
        List<String> parameters,
        List<String> samples,
        Map<String, String> options,
        Layout layout) {

    public boolean needs(String parameter) {
        return parameters.contains(parameter);
    }
}
