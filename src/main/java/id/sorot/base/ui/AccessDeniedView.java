package id.sorot.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees on a page their role does not open (the import page for a pimpinan,
 * the admin pages for anyone but the admin): said in their language, inside the usual frame, with
 * status 403, instead of Vaadin's English "could not navigate".
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("access-denied");
        getStyle().set("padding", "var(--lumo-space-m)");
        add(new H2(getTranslation("denied.title")), new Paragraph(getTranslation("denied.text")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
