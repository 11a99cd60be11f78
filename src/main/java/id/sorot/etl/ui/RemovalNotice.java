package id.sorot.etl.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import id.sorot.base.ui.Formats;
import id.sorot.etl.load.LoadResult;

/**
 * "Perlu konfirmasi": a load that would remove more than the set share of what is there, what would
 * go, and for a role that may confirm, the button that loads it anyway. An operator, whose loads
 * are its OPD's alone, is told to ask the Bagian Organisasi.
 */
final class RemovalNotice extends Div {

    private final Button confirm = new Button();

    RemovalNotice(Runnable onConfirm) {
        setId("import-held");
        addClassName("sorot-held");
        setVisible(false);
        confirm.setText(getTranslation("import.held.confirm"));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            setVisible(false);
            onConfirm.run();
        });
    }

    void show(LoadResult r, boolean mayConfirm) {
        removeAll();
        LoadResult.Removal removal = r.removal();
        setVisible(r.status() == LoadResult.Status.HELD && removal != null);
        if (!isVisible()) return;
        add(new Paragraph(getTranslation(
                "import.held",
                Formats.integer(removal.rowsRemoved()),
                Formats.integer(removal.rowsInScope()),
                removal.percent(),
                removal.limitPercent())));
        UnorderedList gone = new UnorderedList();
        gone.setId("import-held-list");
        removal.removed().forEach(d -> gone.add(new ListItem(d)));
        if (removal.rowsRemoved() > removal.removed().size()) {
            gone.add(new ListItem(getTranslation(
                    "import.held.more",
                    Formats.integer(removal.rowsRemoved() - removal.removed().size()))));
        }
        add(gone);
        if (mayConfirm) add(confirm);
        else add(new Paragraph(getTranslation("import.held.ask")));
    }

    void hide() {
        setVisible(false);
    }
}
