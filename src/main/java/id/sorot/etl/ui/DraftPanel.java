package id.sorot.etl.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import id.sorot.base.ui.Formats;
import id.sorot.base.yaml.DefinitionException;
import id.sorot.etl.DraftService;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The draft spec of a file no job recognises, as a form: what Sorot found (header, rows, the OPD
 * column's match rate), the proposed target and, per column, the field it feeds, each changeable;
 * the YAML as it stands; "Coba" reads the file with it, "Simpan" writes it to etl/jobs.
 */
final class DraftPanel extends Div {

    private static final String UNUSED = "";

    private final DraftService drafts;
    private final Function<DraftSpec, LoadResult> tryDraft;
    private final Consumer<LoadResult> showResult;
    private final Consumer<JobSpec> saved;
    /** Whether the signed-in role may write job specs (Bagian Organisasi, admin). */
    private final boolean maySave;

    private final TextField name = new TextField();
    private final Select<String> target = new Select<>();
    private final Div columns = new Div();
    private final Span missing = new Span();
    private final Pre yaml = new Pre();
    private final Span message = new Span();
    private final Button tryIt = new Button();
    private final Button save = new Button();
    private final Paragraph found = new Paragraph();
    private final Map<Integer, Select<String>> fields = new TreeMap<>();
    private DraftSpec draft;

    DraftPanel(
            DraftService drafts,
            boolean maySave,
            Function<DraftSpec, LoadResult> tryDraft,
            Consumer<LoadResult> showResult,
            Consumer<JobSpec> saved) {
        this.drafts = drafts;
        this.tryDraft = tryDraft;
        this.showResult = showResult;
        this.saved = saved;
        this.maySave = maySave;
        setId("draft");
        addClassName("sorot-draft");
        name.setLabel(getTranslation("draft.name"));
        name.setId("draft-name");
        name.setWidth("22rem");
        name.setPattern("[a-z][a-z0-9_]*");
        name.addValueChangeListener(e -> refresh());
        target.setLabel(getTranslation("draft.target"));
        target.setId("draft-target");
        target.setItems(new ArrayList<>(drafts.targets().keySet()));
        target.addValueChangeListener(e -> {
            if (e.isFromClient()) retarget(e.getValue());
        });
        tryIt.setText(getTranslation("draft.try"));
        tryIt.setId("draft-try");
        tryIt.addClickListener(e -> runTry());
        save.setText(getTranslation("draft.save"));
        save.setId("draft-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> runSave());
        if (!drafts.savesSpecs()) {
            save.setEnabled(false);
            save.setTooltipText(getTranslation("draft.save.off"));
        } else if (!maySave) {
            save.setEnabled(false);
            save.setTooltipText(getTranslation("draft.save.role"));
        }
        found.setId("draft-found");
        missing.setId("draft-missing");
        message.setId("draft-message");
        yaml.setId("draft-yaml");
        yaml.addClassName("sorot-draft-yaml");
        columns.setId("draft-columns");
        columns.addClassName("sorot-draft-columns");
        HorizontalLayout head = new HorizontalLayout(name, target, tryIt, save);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        add(new H3(getTranslation("draft.title")), found, head, columns, missing, message, yaml);
        setVisible(false);
    }

    /** Shows the proposal for a newly uploaded file. */
    void show(DraftSpec proposal) {
        draft = proposal;
        TableSketch s = proposal.sketch();
        setVisible(true);
        message.setText("");
        if (s.headerless()) {
            found.setText(getTranslation("draft.noHeader"));
            columns.removeAll();
            yaml.setText("");
            tryIt.setEnabled(false);
            save.setEnabled(false);
            return;
        }
        tryIt.setEnabled(true);
        save.setEnabled(drafts.savesSpecs() && maySave);
        int opd = s.opdColumn();
        int pemda = s.pemdaColumn();
        String match = opd >= 0
                ? getTranslation(
                        "draft.found.opd",
                        opd + 1,
                        opd,
                        Formats.percent(100 * s.columns().get(opd).opdMatch()))
                : pemda >= 0
                        ? getTranslation(
                                "draft.found.pemda",
                                pemda + 1,
                                pemda,
                                Formats.percent(100 * s.columns().get(pemda).pemdaMatch()))
                        : getTranslation("draft.found.noOpd");
        found.setText(getTranslation(
                        "draft.found",
                        s.headerLine(),
                        s.headerRows(),
                        Formats.integer(s.dataRows()),
                        Formats.integer(s.totalRows()),
                        Formats.integer(s.noteRows()))
                + " " + match
                + (s.titlePeriod() == null ? "" : " " + getTranslation("draft.found.period")));
        name.setValue(proposal.name());
        target.setValue(proposal.target());
        buildColumns(proposal.columns());
        refresh();
    }

    private void retarget(String t) {
        Target chosen = drafts.targets().get(t);
        buildColumns(DraftSpec.guess(draft.sketch(), chosen));
        refresh();
    }

    private void buildColumns(Map<Integer, String> mapping) {
        columns.removeAll();
        fields.clear();
        Target t = drafts.targets().get(target.getValue());
        List<String> options = new ArrayList<>();
        options.add(UNUSED);
        if (t != null) options.addAll(t.fields().keySet());
        for (TableSketch.Column c : draft.sketch().columns()) {
            Select<String> field = new Select<>();
            field.setId("draft-col-" + c.index());
            field.setItems(options);
            field.setItemLabelGenerator(f -> f.isEmpty() ? getTranslation("draft.unused") : f);
            field.setValue(mapping.getOrDefault(c.index(), UNUSED));
            field.setWidth("14rem");
            field.addValueChangeListener(e -> refresh());
            fields.put(c.index(), field);
            String about = getTranslation(
                    "draft.column",
                    c.index() + 1,
                    c.index(),
                    c.header().isEmpty() ? "–" : c.header(),
                    getTranslation("draft.kind." + c.kind().name()),
                    String.join("; ", c.samples()));
            if (c.opdMatch() > 0)
                about += " · " + getTranslation("draft.opdMatch", Formats.percent(100 * c.opdMatch()));
            Span text = new Span(about);
            text.addClassName("sorot-draft-about");
            HorizontalLayout line = new HorizontalLayout(field, text);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            columns.add(line);
        }
    }

    /** The draft as the form stands. */
    private DraftSpec current() {
        Map<Integer, String> mapping = new LinkedHashMap<>();
        fields.forEach((i, f) -> {
            if (f.getValue() != null && !f.getValue().isEmpty()) mapping.put(i, f.getValue());
        });
        return draft.with(name.getValue().strip(), target.getValue(), mapping);
    }

    private void refresh() {
        if (draft == null || fields.isEmpty()) return;
        DraftSpec d = current();
        Target t = drafts.targets().get(d.target());
        List<String> lacking = d.missing(t);
        missing.setText(lacking.isEmpty() ? "" : getTranslation("draft.missing", String.join(", ", lacking)));
        yaml.setText(t == null ? "" : d.yaml(t));
    }

    private void runTry() {
        try {
            LoadResult r = tryDraft.apply(current());
            message.setText("");
            showResult.accept(r);
        } catch (DefinitionException e) {
            message.setText(getTranslation("draft.bad", e.getMessage()));
        }
    }

    private void runSave() {
        if (!maySave) return;
        try {
            JobSpec job = drafts.save(current());
            message.setText(getTranslation("draft.saved", job.name()));
            saved.accept(job);
        } catch (DefinitionException | IllegalArgumentException | IllegalStateException e) {
            message.setText(getTranslation("draft.bad", e.getMessage()));
        }
    }
}
