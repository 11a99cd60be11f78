package id.sorot.base.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A value in a definition file together with where it came from, so that every complaint about
 * it can name the file and the path inside it ({@code cubes/akip/akip_opd.yml: measures[2].column}).
 * Definition readers use it to reject unknown keys rather than ignore them.
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final Object value;

    private YamlNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /** Reads a YAML file; {@code displayName} is how errors name it (a path relative to the home folder). */
    public static YamlNode load(Path file, String displayName) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object root = new Yaml(new SafeConstructor(options)).load(reader);
            if (root == null) {
                throw new DefinitionException(displayName, "", "the file is empty");
            }
            return new YamlNode(displayName, "", root);
        } catch (IOException e) {
            throw new DefinitionException(displayName, "", "cannot be read: " + e.getMessage());
        } catch (YAMLException e) {
            throw new DefinitionException(
                    displayName, "", "is not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public Object raw() {
        return value;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public boolean isScalar() {
        return value != null && !isMap() && !isList();
    }

    /** An error about this node. */
    public DefinitionException error(String message) {
        return new DefinitionException(file, path, message);
    }

    private Map<?, ?> asMap() {
        if (!(value instanceof Map<?, ?> map)) {
            throw error("must be a mapping of keys to values");
        }
        return map;
    }

    /** Fails on any key not in {@code allowed}; the keys must appear in the given order when {@code ordered}. */
    public YamlNode allowKeys(boolean ordered, String... allowed) {
        List<String> order = Arrays.asList(allowed);
        int last = -1;
        String lastKey = null;
        for (Object key : asMap().keySet()) {
            String k = String.valueOf(key);
            int at = order.indexOf(k);
            if (at < 0) {
                throw child(k, null).error("unknown key '" + k + "' (allowed: " + String.join(", ", allowed) + ")");
            }
            if (ordered && at < last) {
                throw child(k, null)
                        .error("key '" + k + "' must come before '" + lastKey + "' (order: "
                                + String.join(", ", allowed) + ")");
            }
            last = at;
            lastKey = k;
        }
        return this;
    }

    public YamlNode allowKeys(String... allowed) {
        return allowKeys(false, allowed);
    }

    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        asMap().keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    public boolean has(String key) {
        return asMap().containsKey(key) && asMap().get(key) != null;
    }

    private YamlNode child(String key, Object v) {
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, v);
    }

    public YamlNode get(String key) {
        Map<?, ?> map = asMap();
        if (!map.containsKey(key) || map.get(key) == null) {
            throw child(key, null).error("is required");
        }
        return child(key, map.get(key));
    }

    public Optional<YamlNode> opt(String key) {
        Map<?, ?> map = asMap();
        return map.get(key) == null ? Optional.empty() : Optional.of(child(key, map.get(key)));
    }

    public String string(String key) {
        return get(key).asString();
    }

    public Optional<String> optString(String key) {
        return opt(key).map(YamlNode::asString);
    }

    public String string(String key, String fallback) {
        return optString(key).orElse(fallback);
    }

    public String asString() {
        if (!isScalar()) {
            throw error("must be a single value");
        }
        return String.valueOf(value);
    }

    public int asInt() {
        if (value instanceof Integer i) {
            return i;
        }
        try {
            return Integer.parseInt(asString().trim());
        } catch (NumberFormatException e) {
            throw error("must be a whole number, not '" + value + "'");
        }
    }

    public double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(asString().trim());
        } catch (NumberFormatException e) {
            throw error("must be a number, not '" + value + "'");
        }
    }

    public boolean asBoolean() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("must be true or false, not '" + value + "'");
    }

    public int integer(String key) {
        return get(key).asInt();
    }

    public Optional<Integer> optInteger(String key) {
        return opt(key).map(YamlNode::asInt);
    }

    public boolean bool(String key, boolean fallback) {
        return opt(key).map(YamlNode::asBoolean).orElse(fallback);
    }

    /** The list under {@code key}; a single value counts as a list of one. */
    public List<YamlNode> list(String key) {
        return opt(key).map(YamlNode::asList).orElse(List.of());
    }

    public List<YamlNode> asList() {
        List<YamlNode> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new YamlNode(file, path + "[" + i + "]", list.get(i)));
            }
        } else if (value != null) {
            out.add(this);
        }
        return out;
    }

    public List<String> strings(String key) {
        return list(key).stream().map(YamlNode::asString).toList();
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        asMap().forEach((k, v) -> out.put(String.valueOf(k), child(String.valueOf(k), v)));
        return out;
    }
}
