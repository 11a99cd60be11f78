package id.sorot.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import id.sorot.access.Account;
import id.sorot.access.Role;
import id.sorot.access.Users;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's name, role and memberships, new or changed. Only an operator has an OPD, chosen from its
 * one pemda's; an admin needs no pemda. The rules themselves are {@link Users#check}'s, so the dialog
 * and the command line refuse the same users.
 */
final class UserDialog extends Dialog {

    interface Save {
        boolean save(Users.Draft draft, boolean isNew);
    }

    private final OpdService opds;
    private final TextField username = new TextField();
    private final TextField fullName = new TextField();
    private final Select<Role> role = new Select<>();
    private final MultiSelectComboBox<Pemda> pemda = new MultiSelectComboBox<>();
    private final ComboBox<Opd> opd = new ComboBox<>();
    private final Checkbox opdOnly = new Checkbox();

    UserDialog(OpdService opds, Account editing, Save save) {
        this.opds = opds;
        setId("user-dialog");
        setHeaderTitle(getTranslation(editing == null ? "users.add" : "users.edit.title", name(editing)));
        username.setLabel(getTranslation("users.username"));
        username.setId("user-username");
        username.setHelperText(getTranslation("users.username.help"));
        fullName.setLabel(getTranslation("users.fullname"));
        fullName.setId("user-fullname");
        role.setLabel(getTranslation("users.role"));
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.key()));
        pemda.setLabel(getTranslation("users.pemda"));
        pemda.setId("user-pemda");
        List<Pemda> all = opds.directory().allPemda().stream()
                .sorted(Comparator.comparing(Pemda::nama))
                .toList();
        pemda.setItems(all);
        pemda.setItemLabelGenerator(Pemda::nama);
        opd.setLabel(getTranslation("users.opd"));
        opd.setId("user-opd");
        opd.setItemLabelGenerator(o -> o.singkatan() + " · " + o.nama());
        opdOnly.setLabel(getTranslation("users.opd_only"));
        opdOnly.setId("user-opd-only");

        if (editing != null) {
            username.setValue(editing.username());
            username.setReadOnly(true);
            fullName.setValue(editing.fullName() == null ? "" : editing.fullName());
            role.setValue(editing.role());
            pemda.setValue(
                    all.stream().filter(p -> editing.pemda().contains(p.kode())).collect(Collectors.toSet()));
        } else {
            role.setValue(Role.PIMPINAN);
        }
        role.addValueChangeListener(e -> shape());
        pemda.addValueChangeListener(e -> shape());
        shape();
        if (editing != null && editing.opd() != null) {
            opd.getListDataView()
                    .getItems()
                    .filter(o -> o.kode().equals(editing.opd()))
                    .findFirst()
                    .ifPresent(opd::setValue);
            opdOnly.setValue(editing.opdOnly());
        }

        FormLayout form = new FormLayout(username, fullName, role, pemda, opd, opdOnly);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(pemda, 2);
        add(form);
        setWidth("40em");

        Button ok = new Button(getTranslation("users.save"), e -> {
            Users.Draft draft = new Users.Draft(
                    username.getValue().strip().toLowerCase(java.util.Locale.ROOT),
                    fullName.getValue().isBlank() ? null : fullName.getValue().strip(),
                    role.getValue(),
                    pemda.getValue().stream().map(Pemda::kode).collect(Collectors.toSet()),
                    role.getValue() == Role.OPERATOR_OPD && opd.getValue() != null
                            ? opd.getValue().kode()
                            : null,
                    role.getValue() == Role.OPERATOR_OPD && opdOnly.getValue());
            if (save.save(draft, editing == null)) close();
        });
        ok.setId("user-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("users.cancel"), e -> close());
        getFooter().add(cancel, ok);
    }

    private static String name(Account a) {
        return a == null ? "" : a.username();
    }

    /** An operator's OPD list follows its one pemda; other roles have none. */
    private void shape() {
        boolean operator = role.getValue() == Role.OPERATOR_OPD;
        opd.setVisible(operator);
        opdOnly.setVisible(operator);
        Set<Pemda> chosen = pemda.getValue();
        List<Opd> list = operator && chosen.size() == 1
                ? opds.directory().opdsOf(chosen.iterator().next().id())
                : List.of();
        Opd kept = opd.getValue();
        opd.setItems(list);
        if (kept != null && list.contains(kept)) opd.setValue(kept);
        opd.setHelperText(operator && chosen.size() != 1 ? getTranslation("users.opd.help") : null);
    }
}
