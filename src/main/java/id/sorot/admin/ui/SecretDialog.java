package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A new password or token, shown this once: Sorot keeps only its hash. The field is read-only and
 * selected, so it copies at once.
 */
final class SecretDialog {

    private SecretDialog() {}

    static void show(String title, String note, String secret) {
        Dialog d = new Dialog();
        d.setId("secret-dialog");
        d.setHeaderTitle(title);
        TextField field = new TextField();
        field.setId("secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addFocusListener(e -> field.getElement().executeJs("this.inputElement.select()"));
        d.add(new Paragraph(note), field);
        d.setWidth("36em");
        Button close = new Button(d.getTranslation("secret.close"), e -> d.close());
        close.setId("secret-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(close);
        d.open();
        field.focus();
    }
}
