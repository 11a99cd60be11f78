package id.sorot.pohon.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import id.sorot.rules.BandSet;

/**
 * The colour key of the tree, always in words beside each colour: the capaian bands of the pemda's
 * band set, best first, and grey for a node no IKU gives a capaian.
 */
final class PohonKey {

    private PohonKey() {}

    static Div of(BandSet bands, PohonCharts.Text text) {
        Div key = new Div();
        key.setId("pohon-key");
        key.addClassName("sorot-key");
        key.add(new Span(text.get("pohon.key.title")));
        for (String label : bands.labels()) {
            String meaning = bands.meaning(label);
            key.add(item(PohonCharts.colour(bands, label), meaning == null ? label : label + " (" + meaning + ")"));
        }
        key.add(item(PohonCharts.NO_DATA, text.get("pohon.band.none")));
        return key;
    }

    private static Span item(String colour, String label) {
        Span swatch = new Span();
        swatch.addClassName("swatch");
        swatch.getStyle().set("border-color", colour);
        Span item = new Span(swatch, new Span(label));
        item.addClassName("item");
        return item;
    }
}
