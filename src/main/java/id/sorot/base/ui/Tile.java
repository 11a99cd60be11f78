package id.sorot.base.ui;

import com.vaadin.flow.component.html.Div;

/** A headline figure: a label, the value in large type, and a line that explains it. */
public final class Tile {

    private Tile() {}

    public static Div of(String id, String label, String value, String detail) {
        Div tile = new Div();
        tile.setId(id);
        tile.addClassName("sorot-tile");
        Div l = new Div(label);
        l.addClassName("label");
        Div v = new Div(value);
        v.addClassName("value");
        Div d = new Div(detail == null ? "" : detail);
        d.addClassName("detail");
        tile.add(l, v, d);
        return tile;
    }

    public static Div row(Div... tiles) {
        Div row = new Div(tiles);
        row.addClassName("sorot-tiles");
        return row;
    }
}
