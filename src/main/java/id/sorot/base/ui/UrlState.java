package id.sorot.base.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a view shows lives in its URL ({@code ?tahun=2024&jenis=kecamatan}), so a link pasted in a
 * chat opens the same picture and the browser's back button walks through earlier pictures.
 * Values that do not parse are ignored, never an error page.
 */
public final class UrlState {

    private UrlState() {}

    public static Optional<String> text(QueryParameters q, String name) {
        return q.getSingleParameter(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    public static Optional<Integer> integer(QueryParameters q, String name) {
        return text(q, name).flatMap(s -> {
            try {
                return Optional.of(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<Double> decimal(QueryParameters q, String name) {
        return text(q, name).flatMap(s -> {
            try {
                return Optional.of(Double.parseDouble(s.replace(',', '.').replace('\u2212', '-')));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Values as a list, from {@code ?predikat=A&predikat=AA} or {@code ?predikat=A,AA}. */
    public static List<String> list(QueryParameters q, String name) {
        return q.getParameters().getOrDefault(name, List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /** Query parameters from name/value pairs; null or empty values are left out. */
    public static QueryParameters of(Object... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v == null) continue;
            List<String> values = v instanceof java.util.Collection<?> c
                    ? c.stream().map(String::valueOf).toList()
                    : List.of(plain(v));
            if (values.isEmpty() || values.stream().allMatch(String::isEmpty)) continue;
            map.put(String.valueOf(namesAndValues[i]), List.of(String.join(",", values)));
        }
        return new QueryParameters(map);
    }

    private static String plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) return String.valueOf(d.longValue());
        return String.valueOf(v);
    }
}
