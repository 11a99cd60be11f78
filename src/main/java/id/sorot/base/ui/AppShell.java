package id.sorot.base.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell: Lumo plus Sorot's stylesheet from {@code frontend/styles}, Indonesian page language. */
@StyleSheet(Lumo.STYLESHEET)
@CssImport("./styles/sorot.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Sorot");
    }
}
