package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import id.sorot.access.UserAdmin;

/** Another user's tokens, as an admin sees them: to revoke, not to make (a token is its owner's to make). */
final class TokensDialog extends Dialog {

    TokensDialog(UserAdmin admin, String username) {
        setId("tokens-dialog");
        setHeaderTitle(getTranslation("tokens.of", username));
        add(new TokensPanel(admin, username, false, 0));
        setWidth("60em");
        Button close = new Button(getTranslation("secret.close"), e -> close());
        getFooter().add(close);
    }
}
