package id.sorot.etl;

import id.sorot.access.Access;
import id.sorot.access.Actor;
import id.sorot.access.AuditLog;
import id.sorot.etl.draft.DraftSpec;
import id.sorot.etl.draft.TableSketch;
import id.sorot.etl.job.JobCatalog;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.EtlException;
import id.sorot.etl.read.Problem;
import id.sorot.etl.read.SourceFile;
import id.sorot.etl.target.Target;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/etl/{job}}: upload a file (multipart {@code file}, plus {@code pemda},
 * {@code period}, {@code opd} where the file does not carry them). 200 with the batch when loaded,
 * 422 with every problem when rejected, 403 when the caller's role or pemda/OPD may not load it,
 * 409 "perlu konfirmasi" when it would remove more than the set share of what is there (send it
 * again with {@code confirm=true}); nothing is committed but a 200. {@code dry_run=true} only checks.
 * The batch's "Oleh" is the token's owner.
 */
@RestController
@RequestMapping("/api/v1/etl")
class EtlController {

    private final EtlService etl;
    private final DraftService drafts;
    private final AuditLog audit;

    EtlController(EtlService etl, DraftService drafts, AuditLog audit) {
        this.etl = etl;
        this.drafts = drafts;
        this.audit = audit;
    }

    /** Every job, then every broken spec ({@code status: broken}, with file, path and message). */
    @GetMapping("/jobs")
    List<Map<String, Object>> jobs() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JobSpec j : etl.jobs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", j.name());
            m.put("status", "ok");
            m.put("target", j.target());
            m.put("parameters", j.parameters());
            m.put("description", j.description());
            out.add(m);
        }
        for (JobCatalog.Broken b : etl.brokenJobs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.file().replaceFirst("^.*/", "").replaceFirst("\\.yml$", ""));
            m.put("status", "broken");
            m.put("file", b.file());
            m.put("path", b.path());
            m.put("message", b.message());
            out.add(m);
        }
        return out;
    }

    /** Reads etl/jobs again now (edits are also picked up on their own within a second). */
    @PostMapping("/jobs/reload")
    List<Map<String, Object>> reload(HttpServletRequest http) {
        var catalog = etl.reload();
        audit.record(
                Access.current().map(Actor::username).orElse("unknown"),
                http.getRemoteAddr(),
                AuditLog.Action.SPECS_RELOADED,
                "etl/jobs",
                catalog.jobs().size() + " job specs, " + catalog.broken().size() + " broken",
                AuditLog.Outcome.OK);
        return jobs();
    }

    /**
     * A draft spec for a file (multipart {@code file}; {@code pemda} whose OPD master its names are
     * matched to): what Sorot found, the proposed target and mapping, and the YAML. Nothing is saved.
     */
    @PostMapping(path = "/jobs/draft", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> draft(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String pemda,
            Locale locale)
            throws IOException {
        if (file == null) return error(HttpStatus.BAD_REQUEST, "file", "a multipart field 'file' is required");
        SourceFile source;
        try {
            source = received(file);
        } catch (EtlException e) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problemsOnly(e.problems(), locale));
        }
        try {
            DraftSpec d;
            try {
                d = drafts.draft(source, pemda);
            } catch (EtlException e) {
                return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problemsOnly(e.problems(), locale));
            }
            Target t = d.target() == null ? null : drafts.targets().get(d.target());
            TableSketch s = d.sketch();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", d.name());
            body.put("target", d.target());
            body.put("parameters", d.parameters(t));
            body.put("missing", d.missing(t));
            body.put("header_line", s.headerLine());
            body.put("header_rows", s.headerRows());
            body.put("data_rows", s.dataRows());
            body.put("total_rows", s.totalRows());
            body.put("title_period", s.titlePeriod());
            List<Map<String, Object>> columns = new ArrayList<>();
            for (TableSketch.Column c : s.columns()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", c.index());
                m.put("header", c.header());
                m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                m.put("samples", c.samples());
                m.put("opd_match", c.opdMatch());
                m.put("pemda_match", c.pemdaMatch());
                m.put("field", d.columns().get(c.index()));
                columns.add(m);
            }
            body.put("columns", columns);
            body.put("yaml", t == null ? null : d.yaml(t));
            return ResponseEntity.ok(body);
        } finally {
            Files.deleteIfExists(source.path());
        }
    }

    @GetMapping("/batches")
    List<EtlService.Batch> batches(@RequestParam(defaultValue = "50") int limit) {
        return etl.history(Math.min(limit, 1000));
    }

    @PostMapping(path = "/{job}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> load(
            @PathVariable String job,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String pemda,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String opd,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean confirm,
            HttpServletRequest http,
            Locale locale)
            throws IOException {
        if (etl.job(job).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "job", "unknown job '" + job + "'");
        }
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            return error(HttpStatus.BAD_REQUEST, "file", "a multipart field 'file' is required");
        }
        SourceFile source;
        try {
            source = received(file);
        } catch (EtlException e) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problemsOnly(e.problems(), locale));
        }
        try {
            // the API chain lets no request through without a token, so there is always an actor
            Actor actor = Access.current().orElseThrow();
            LoadRequest request = LoadRequest.as(actor, http.getRemoteAddr())
                    .withPemda(pemda)
                    .withPeriod(period)
                    .withOpd(opd)
                    .withConfirm(confirm);
            LoadResult result = dryRun ? etl.preview(job, source, request) : etl.load(job, source, request, null);
            HttpStatus status =
                    switch (result.status()) {
                        case LOADED, VALID -> HttpStatus.OK;
                        case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
                        case HELD -> HttpStatus.CONFLICT;
                        case REFUSED -> HttpStatus.FORBIDDEN;
                    };
            return ResponseEntity.status(status).body(json(result, locale));
        } finally {
            Files.deleteIfExists(source.path());
        }
    }

    /** The upload copied to a temp file, under its own name; refused when over the upload limit. */
    private SourceFile received(MultipartFile file) throws IOException {
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return SourceFile.copyOf(name, in, etl.maxUploadBytes());
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "file", "the file is larger than the upload limit");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        return ResponseEntity.status(status).body(body);
    }

    private Map<String, Object> problemsOnly(List<Problem> problems, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "REJECTED");
        body.put("problems", problems(problems, locale));
        return body;
    }

    private List<Map<String, Object>> problems(List<Problem> problems, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("row", p.row());
            m.put("column", p.column());
            m.put("field", p.field());
            m.put("value", p.raw());
            m.put("code", p.code());
            m.put("message", etl.render(p, locale));
            out.add(m);
        }
        return out;
    }

    Map<String, Object> json(LoadResult r, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch_id", r.batchId());
        body.put("job", r.job());
        body.put("target", r.target());
        body.put("file", r.file());
        body.put("size", r.size());
        body.put("sha256", r.sha256());
        body.put("status", r.status().name());
        body.put("rows_read", r.rowsRead());
        body.put("rows_loaded", r.rowsLoaded());
        body.put("rows_rejected", r.rowsRejected());
        body.put("periods", r.periods());
        body.put("replaced_batches", r.replacedBatches());
        body.put("problem_count", r.problemCount());
        body.put("problems", problems(r.problems(), locale));
        if (r.removal() != null) {
            Map<String, Object> removal = new LinkedHashMap<>();
            removal.put("rows_in_scope", r.removal().rowsInScope());
            removal.put("rows_removed", r.removal().rowsRemoved());
            removal.put("percent", r.removal().percent());
            removal.put("limit_percent", r.removal().limitPercent());
            removal.put("removed", r.removal().removed());
            if (r.status() == LoadResult.Status.HELD) {
                removal.put("message", "perlu konfirmasi: send the file again with confirm=true to load it");
            }
            body.put("removal", removal);
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        for (LoadResult.Check c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", c.subject());
            m.put("measure", c.measure());
            m.put("reported", c.reported() == null ? c.reportedLabel() : c.reported());
            m.put("computed", c.computed() == null ? c.computedLabel() : c.computed());
            m.put("agrees", c.agrees());
            m.put("rule", c.rule());
            m.put("row", c.row());
            checks.add(m);
        }
        body.put("checks", checks);
        return body;
    }
}
