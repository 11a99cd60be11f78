package id.sorot.etl.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import id.sorot.access.Access;
import id.sorot.access.Actor;
import id.sorot.access.AuditLog;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Formats;
import id.sorot.etl.DraftService;
import id.sorot.etl.EtlService;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.SourceFile;
import id.sorot.opd.Opd;
import id.sorot.opd.OpdService;
import id.sorot.opd.Pemda;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The import screen: upload a table, let Sorot recognise its layout (or pick the job), fill in
 * what the file does not say (pemda, year, OPD), preview the parsed rows, every problem and the
 * source's own totals, then load it in one transaction. The batch history is below.
 */
@RolesAllowed({"BAGIAN_ORGANISASI", "INSPEKTORAT", "OPERATOR_OPD", "ADMIN"})
@Route("impor")
class ImportView extends Div implements HasDynamicTitle {

    private final EtlService etl;
    private final OpdService opds;
    private final Select<JobSpec> job = new Select<>();
    private final Select<Pemda> pemda = new Select<>();
    private final TextField period = new TextField();
    private final ComboBox<Opd> opd = new ComboBox<>();
    private final Button preview = new Button();
    private final Button load = new Button();
    private final Span fileName = new Span();
    private final Paragraph summary = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Grid<Problem> problems = new Grid<>();
    private final Grid<LoadResult.Check> checks = new Grid<>();
    private final Grid<List<String>> rows = new Grid<>();
    private final Grid<EtlService.Batch> history = new Grid<>();
    private final Div result = new Div();
    private final Div broken = new Div();
    private final Span reloaded = new Span();
    private final DraftService drafts;
    private final DraftPanel draft;
    private final RemovalNotice held = new RemovalNotice(() -> run(true, true));
    private final AuditLog audit;
    /** Who this page acts for; the view is only reached signed in. */
    private final Actor actor;

    private SourceFile uploaded;

    ImportView(EtlService etl, DraftService drafts, OpdService opds, SorotProperties properties, AuditLog audit) {
        this.etl = etl;
        this.drafts = drafts;
        this.opds = opds;
        this.audit = audit;
        this.actor = Access.current().orElseThrow();
        this.draft = new DraftPanel(
                drafts,
                actor.role().editsSpecs(),
                d -> drafts.preview(d, uploaded, request()),
                this::show,
                this::draftSaved);
        addClassName("sorot-view");
        setId("import");

        Upload upload = new Upload(UploadHandler.toTempFile((meta, file) -> {
            UI ui = UI.getCurrent();
            Runnable accept = () -> received(meta.fileName(), file.toPath());
            if (ui != null) ui.access(accept::run);
            else accept.run();
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, etl.maxUploadBytes()));
        upload.setAcceptedFileTypes(".tsv", ".csv", ".txt", ".xlsx");

        job.setLabel(getTranslation("import.job"));
        job.setId("import-job");
        job.setItems(etl.jobs());
        job.setItemLabelGenerator(JobSpec::name);
        job.setWidth("22rem");
        job.addValueChangeListener(e -> updateParameters());
        pemda.setLabel(getTranslation("import.pemda"));
        // only the pemda the user belongs to (an admin: all)
        List<Pemda> mine = opds.directory().allPemda().stream()
                .filter(p -> actor.belongsTo(p.kode()))
                .sorted(java.util.Comparator.comparing(Pemda::kode))
                .toList();
        pemda.setItems(mine);
        pemda.setItemLabelGenerator(Pemda::nama);
        opds.directory()
                .pemda(properties.pemda())
                .filter(mine::contains)
                .or(() -> mine.stream().findFirst())
                .ifPresent(pemda::setValue);
        pemda.addValueChangeListener(e -> updateOpds());
        period.setLabel(getTranslation("import.period"));
        period.setId("import-period");
        period.setWidth("7rem");
        opd.setLabel(getTranslation("import.opd"));
        opd.setId("import-opd");
        opd.setItemLabelGenerator(o -> o.singkatan() + " · " + o.nama());
        opd.setWidth("22rem");
        updateOpds();

        preview.setText(getTranslation("import.preview"));
        preview.setId("import-preview");
        preview.addClickListener(e -> run(false, false));
        load.setText(getTranslation("import.load"));
        load.setId("import-load");
        load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        load.addClickListener(e -> run(true, false));
        preview.setEnabled(false);
        load.setEnabled(false);

        HorizontalLayout form = new HorizontalLayout(job, pemda, period, opd, preview, load);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        summary.setId("import-summary");

        problems.setId("import-problems");
        problems.addColumn(Problem::row)
                .setHeader(getTranslation("import.col.row"))
                .setWidth("6rem")
                .setFlexGrow(0);
        problems.addColumn(
                        p -> p.column() == null ? "" : getTranslation("import.column.both", p.column(), p.column() - 1))
                .setHeader(getTranslation("import.col.column"))
                .setWidth("6rem")
                .setFlexGrow(0);
        problems.addColumn(Problem::raw)
                .setHeader(getTranslation("import.col.value"))
                .setWidth("14rem")
                .setFlexGrow(0);
        problems.addColumn(p -> etl.render(p, getLocale()))
                .setHeader(getTranslation("import.col.message"))
                .setFlexGrow(1);
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setAllRowsVisible(true);

        checks.setId("import-checks");
        checks.addColumn(c -> c.subject() + " · " + c.measure()).setHeader(getTranslation("import.col.check"));
        checks.addColumn(c -> c.reported() != null ? Formats.decimal(c.reported()) : c.reportedLabel())
                .setHeader(getTranslation("import.col.reported"));
        checks.addColumn(c -> c.computed() != null ? Formats.decimal(c.computed()) : c.computedLabel())
                .setHeader(getTranslation("import.col.computed"));
        checks.addColumn(c -> getTranslation(c.agrees() ? "import.agrees" : "import.disagrees"))
                .setHeader(getTranslation("import.col.agrees"));
        checks.addThemeVariants(GridVariant.LUMO_COMPACT);
        checks.setAllRowsVisible(true);

        rows.setId("import-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT);
        rows.setHeight("22em");

        history.setId("import-history");
        history.addColumn(EtlService.Batch::id)
                .setHeader(getTranslation("import.col.batch"))
                .setWidth("6rem")
                .setFlexGrow(0);
        history.addColumn(EtlService.Batch::job).setHeader(getTranslation("import.job"));
        history.addColumn(EtlService.Batch::file).setHeader(getTranslation("import.col.file"));
        history.addColumn(EtlService.Batch::periods).setHeader(getTranslation("import.period"));
        history.addColumn(b -> Formats.integer(b.rowsLoaded()) + " / " + Formats.integer(b.rowsRead()))
                .setHeader(getTranslation("import.col.loaded"));
        history.addColumn(b -> Formats.integer(b.rowsRejected())).setHeader(getTranslation("import.col.rejected"));
        history.addColumn(EtlService.Batch::user).setHeader(getTranslation("import.col.user"));
        history.addColumn(b -> b.started().format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")))
                .setHeader(getTranslation("import.col.when"));
        history.addColumn(b -> getTranslation("import.status." + b.status().replace(' ', '_')))
                .setHeader(getTranslation("import.col.status"));
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);

        Button reload = new Button(getTranslation("import.reload"), e -> reloadSpecs());
        reload.setId("import-reload");
        reload.setVisible(actor.role().editsSpecs());
        reloaded.setId("import-reloaded");
        broken.setId("import-broken");
        HorizontalLayout specs = new HorizontalLayout(reload, reloaded);
        specs.setAlignItems(FlexComponent.Alignment.BASELINE);
        showBroken();

        H2 title = new H2(getTranslation("import.title"));
        title.getStyle().set("margin-top", "0");
        add(
                title,
                new Paragraph(getTranslation("import.intro")),
                upload,
                fileName,
                form,
                specs,
                broken,
                progress,
                summary,
                held,
                draft,
                result,
                new H3(getTranslation("import.history")),
                history);
        refreshHistory();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · Sorot";
    }

    /** Reads etl/jobs again: a spec saved or fixed a moment ago is offered without a restart. */
    private void reloadSpecs() {
        if (!actor.role().editsSpecs()) return;
        JobSpec chosen = job.getValue();
        var catalog = etl.reload();
        audit.record(
                actor.username(),
                ip(),
                AuditLog.Action.SPECS_RELOADED,
                "etl/jobs",
                catalog.jobs().size() + " job specs, " + catalog.broken().size() + " broken",
                AuditLog.Outcome.OK);
        List<JobSpec> jobs = etl.jobs();
        job.setItems(jobs);
        if (chosen != null) {
            jobs.stream()
                    .filter(j -> j.name().equals(chosen.name()))
                    .findFirst()
                    .ifPresent(job::setValue);
        }
        reloaded.setText(
                getTranslation("import.reloaded", jobs.size(), etl.brokenJobs().size()));
        showBroken();
        updateParameters();
    }

    private void showBroken() {
        broken.removeAll();
        List<JobCatalog.Broken> list = etl.brokenJobs();
        broken.setVisible(!list.isEmpty());
        if (list.isEmpty()) return;
        broken.addClassName("sorot-broken-specs");
        broken.add(new Paragraph(getTranslation("import.broken", list.size())));
        for (JobCatalog.Broken b : list) {
            Paragraph line = new Paragraph(b.file() + (b.path().isEmpty() ? "" : ": " + b.path()) + ": " + b.message());
            line.addClassName("sorot-broken-spec");
            broken.add(line);
        }
    }

    private void received(String name, Path file) {
        try {
            if (uploaded != null) Files.deleteIfExists(uploaded.path());
            uploaded = SourceFile.of(file);
            uploaded = new SourceFile(name, uploaded.path(), uploaded.size(), uploaded.sha256());
        } catch (IOException e) {
            summary.setText(e.getMessage());
            return;
        }
        fileName.setText(getTranslation("import.received", name, Formats.integer(uploaded.size())));
        List<JobSpec> guesses = etl.detect(uploaded);
        if (!guesses.isEmpty()) job.setValue(guesses.getFirst());
        draft.setVisible(false);
        if (guesses.isEmpty()) {
            // no job knows the layout: propose one, matched against the chosen pemda's OPDs
            try {
                draft.show(drafts.draft(
                        uploaded,
                        pemda.getValue() == null ? null : pemda.getValue().kode()));
            } catch (IOException | RuntimeException e) {
                summary.setText(getTranslation("app.error", String.valueOf(e.getMessage())));
                return;
            }
        }
        summary.setText(
                guesses.isEmpty()
                        ? getTranslation("import.undetected")
                        : getTranslation("import.detected", guesses.getFirst().name()));
        result.removeAll();
        updateParameters();
    }

    /** A draft saved into etl/jobs: offer it as the job, ready to load. */
    private void draftSaved(JobSpec saved) {
        audit.record(
                actor.username(),
                ip(),
                AuditLog.Action.SPEC_SAVED,
                "etl/jobs/" + saved.name() + ".yml",
                null,
                AuditLog.Outcome.OK);
        List<JobSpec> jobs = etl.jobs();
        job.setItems(jobs);
        jobs.stream().filter(j -> j.name().equals(saved.name())).findFirst().ifPresent(job::setValue);
        updateParameters();
        showBroken();
    }

    private void updateOpds() {
        Pemda p = pemda.getValue();
        List<Opd> list = p == null ? List.of() : opds.directory().opdsOf(p.id());
        if (actor.loadOpd() != null) {
            // an operator loads its own OPD's files only
            list = list.stream()
                    .filter(o -> o.kode().equalsIgnoreCase(actor.loadOpd()))
                    .toList();
            opd.setItems(list);
            list.stream().findFirst().ifPresent(opd::setValue);
            opd.setReadOnly(true);
            return;
        }
        opd.setItems(list);
    }

    private static String ip() {
        com.vaadin.flow.server.VaadinRequest current = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return current == null ? null : current.getRemoteAddr();
    }

    private void updateParameters() {
        JobSpec spec = job.getValue();
        period.setVisible(spec == null || spec.needs("period"));
        opd.setVisible(spec == null || spec.needs("opd"));
        boolean ready = spec != null && uploaded != null;
        preview.setEnabled(ready);
        load.setEnabled(ready);
    }

    private LoadRequest request() {
        return LoadRequest.as(actor, ip())
                .withPemda(pemda.getValue() == null ? null : pemda.getValue().kode())
                .withPeriod(period.isVisible() && !period.isEmpty() ? period.getValue() : null)
                .withOpd(
                        opd.isVisible() && opd.getValue() != null
                                ? opd.getValue().kode()
                                : null);
    }

    /** Previews or loads the uploaded file; {@code confirm} lets a load that removes many rows go in. */
    private void run(boolean commit, boolean confirm) {
        JobSpec spec = job.getValue();
        if (spec == null || uploaded == null) return;
        SourceFile file = uploaded;
        LoadRequest request = request().withConfirm(confirm);
        held.hide();
        UI ui = UI.getCurrent();
        preview.setEnabled(false);
        load.setEnabled(false);
        progress.setVisible(true);
        summary.setText(getTranslation(commit ? "import.loading" : "import.checking"));
        ui.setPollInterval(500);
        // large files take a while: the work runs off the request thread and the page polls for progress
        CompletableFuture.supplyAsync(() -> commit
                        ? etl.load(
                                spec.name(),
                                file,
                                request,
                                n -> ui.access(
                                        () -> summary.setText(getTranslation("import.progress", Formats.integer(n)))))
                        : etl.preview(spec.name(), file, request))
                .whenComplete((r, error) -> ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    updateParameters();
                    if (error != null) {
                        summary.setText(getTranslation("app.error", String.valueOf(error.getMessage())));
                    } else {
                        show(r);
                    }
                    refreshHistory();
                }));
    }

    private void show(LoadResult r) {
        String key =
                switch (r.status()) {
                    case LOADED -> "import.result.loaded";
                    case VALID -> "import.result.valid";
                    case REJECTED -> "import.result.rejected";
                    case HELD -> "import.result.held";
                    case REFUSED -> "import.result.refused";
                };
        summary.setText(getTranslation(
                key,
                r.file(),
                Formats.integer(r.rowsRead()),
                Formats.integer(r.rowsLoaded()),
                Formats.integer(r.problemCount()),
                r.batchId()));
        if (r.rowsCombined() > 0) {
            summary.setText(summary.getText() + " "
                    + getTranslation("import.result.combined", Formats.integer(r.rowsCombined())));
        }
        held.show(r, actor.role().confirmsInto(r.target()));
        result.removeAll();
        if (!r.problems().isEmpty()) {
            problems.setItems(r.problems());
            result.add(new H3(getTranslation("import.problems")), problems);
        }
        if (!r.checks().isEmpty()) {
            checks.setItems(r.checks());
            result.add(new H3(getTranslation("import.checks")), checks);
        }
        if (!r.head().isEmpty()) {
            rows.removeAllColumns();
            IntStream.range(0, r.columns().size()).forEach(i -> rows.addColumn(row -> row.get(i))
                    .setHeader(r.columns().get(i))
                    .setAutoWidth(true));
            rows.setItems(r.head());
            result.add(new H3(getTranslation("import.rows")), rows);
        }
    }

    private void refreshHistory() {
        history.setItems(etl.history(50));
    }
}
