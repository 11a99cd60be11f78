package id.sorot.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/**
 * One picture on a dashboard: a title, a subtitle saying which year and filters it shows, the chart
 * or table itself and the line naming its source. Exports and the meeting pack take all of these
 * from the panel, so what is shared carries the same context as what is seen.
 */
public class Panel extends Div {

    private final H3 title = new H3();
    private final Span subtitle = new Span();
    private final Div actions = new Div();
    private final Div body = new Div();
    private final Span source = new Span();
    private Component content;

    public Panel(String id) {
        setId(id);
        addClassName("sorot-panel");
        title.addClassName("title");
        subtitle.addClassName("subtitle");
        actions.addClassName("actions");
        body.addClassName("body");
        source.addClassName("sorot-source");
        Div heading = new Div(title, subtitle);
        heading.addClassName("heading");
        Div header = new Div(heading, actions);
        header.addClassName("header");
        add(header, body, source);
    }

    public Panel heading(String title, String subtitle) {
        this.title.setText(title);
        this.subtitle.setText(subtitle == null ? "" : subtitle);
        return this;
    }

    public Panel source(String source) {
        this.source.setText(source == null ? "" : source);
        return this;
    }

    public Panel content(Component content) {
        body.removeAll();
        this.content = content;
        if (content != null) body.add(content);
        return this;
    }

    /** Room in the header for buttons that act on this panel (exports). */
    public Div actions() {
        return actions;
    }

    public String title() {
        return title.getText();
    }

    public String subtitle() {
        return subtitle.getText();
    }

    public String sourceText() {
        return source.getText();
    }

    public Component content() {
        return content;
    }
}
