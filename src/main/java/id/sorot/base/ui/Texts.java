package id.sorot.base.ui;

import com.vaadin.flow.component.Component;

/** Labels for values that come from data (a measure, a source table): translated where a bundle knows them. */
public final class Texts {

    private Texts() {}

    /** The translation of {@code key}, or {@code fallback} when the bundles have no such key. */
    public static String label(Component c, String key, String fallback) {
        String t = c.getTranslation(key);
        return t == null || t.startsWith("!") ? fallback : t;
    }
}
