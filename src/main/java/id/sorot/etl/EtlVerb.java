package id.sorot.etl;

import id.sorot.base.SorotProperties;
import id.sorot.base.shell.Shell;
import id.sorot.base.shell.Verb;
import id.sorot.etl.job.JobSpec;
import id.sorot.etl.load.LoadRequest;
import id.sorot.etl.load.LoadResult;
import id.sorot.etl.read.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sorot etl <job> <file> [--pemda=] [--period=] [--opd=] [--server=URL] [--token=] [--confirm]
 * [--dry-run] [--lang=en]}, and for a spec author {@code sorot etl check <spec.yml> <file>} and
 * {@code sorot etl draft <file>} ({@link SpecCheck}).
 * DuckDB lets one process own the store, so when a Sorot server answers at {@code --server}
 * (default http://localhost:8080) the file goes through its HTTP endpoint, as the owner of the
 * personal access token in {@code --token} or {@code SOROT_TOKEN}; otherwise the command opens the
 * store itself ({@code --sorot.store}, or {@code --store}), as whoever may open that file. Exit 0:
 * loaded (or checked); 2: rejected or not allowed, problems on stderr; 3: held, it would remove too
 * much ({@code --confirm} loads it); 1: failure; 64: wrong arguments.
 */
@Component
final class EtlVerb implements Verb {

    public static final int LOADED = 0;
    public static final int FAILED = 1;
    public static final int REJECTED = 2;
    public static final int HELD = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Made only if no server answers: making it opens the store. */
    private final ObjectProvider<EtlService> etl;

    private final SorotProperties properties;
    private final MessageSource messages;

    EtlVerb(ObjectProvider<EtlService> etl, SorotProperties properties, MessageSource messages) {
        this.etl = etl;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "etl";
    }

    @Override
    public String usage() {
        return "etl <job> <file> [--pemda=KODE] [--period=YEAR] [--opd=OPD] [--server=URL] [--token=TOKEN] [--confirm]"
                + " [--dry-run] [--lang=id|en]"
                + " [--sorot.store=FILE]\n       sorot etl check <spec.yml> <file> [--pemda=KODE] [--period=YEAR] [--opd=OPD]"
                + " [--lang=id|en] [--sorot.home=DIR]\n       sorot etl draft <file> [--pemda=KODE] [--sorot.home=DIR]";
    }

    @Override
    public int run(List<String> positional, Map<String, String> options, PrintStream out, PrintStream err) {
        if (!positional.isEmpty() && positional.getFirst().equals("check")) {
            return check(positional, options, out, err);
        }
        if (!positional.isEmpty() && positional.getFirst().equals("draft")) {
            if (positional.size() != 2 || !Files.isRegularFile(Path.of(positional.get(1)))) {
                err.println("usage: sorot " + usage());
                return Shell.USAGE;
            }
            return SpecCheck.draft(properties, Path.of(positional.get(1)), options.get("pemda"), out, err);
        }
        if (positional.size() != 2) {
            err.println("usage: sorot " + usage());
            return Shell.USAGE;
        }
        String job = positional.get(0);
        Path file = Path.of(positional.get(1));
        if (!Files.isRegularFile(file)) {
            err.println("sorot etl: " + file + " is not a file");
            return FAILED;
        }
        Locale locale = Locale.forLanguageTag(options.getOrDefault("lang", "id"));
        boolean dryRun = Boolean.parseBoolean(options.getOrDefault("dry-run", "false"));
        boolean confirm = Boolean.parseBoolean(options.getOrDefault("confirm", "false"));
        LoadRequest request = new LoadRequest(
                        options.get("pemda"),
                        options.get("period"),
                        options.get("opd"),
                        System.getProperty("user.name", "cli") + " (sorot etl)")
                .withConfirm(confirm);
        String token = options.getOrDefault("token", System.getenv("SOROT_TOKEN"));
        String server = options.getOrDefault(
                "server",
                System.getenv()
                        .getOrDefault("SOROT_SERVER", "http://localhost:" + options.getOrDefault("port", "8080")));
        try {
            return viaServer(server, token, job, file, request, dryRun, locale, out, err);
        } catch (ConnectException e) {
            if (options.containsKey("server")) {
                err.println("sorot etl: no Sorot server answers at " + server);
                return FAILED;
            }
            return direct(etl.getObject(), job, file, request, dryRun, locale, out, err);
        } catch (IOException e) {
            err.println("sorot etl: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private int check(List<String> positional, Map<String, String> options, PrintStream out, PrintStream err) {
        if (positional.size() != 3) {
            err.println("usage: sorot " + usage());
            return Shell.USAGE;
        }
        Path spec = Path.of(positional.get(1));
        Path file = Path.of(positional.get(2));
        for (Path p : List.of(spec, file)) {
            if (!Files.isRegularFile(p)) {
                err.println("sorot etl check: " + p + " is not a file");
                return FAILED;
            }
        }
        LoadRequest request =
                new LoadRequest(options.get("pemda"), options.get("period"), options.get("opd"), "sorot etl check");
        Locale locale = Locale.forLanguageTag(options.getOrDefault("lang", "id"));
        return SpecCheck.run(properties, messages, spec, file, request, locale, out, err);
    }

    private static int viaServer(
            String server,
            String token,
            String job,
            Path file,
            LoadRequest request,
            boolean dryRun,
            Locale locale,
            PrintStream out,
            PrintStream err)
            throws IOException, InterruptedException {
        String boundary = "sorot-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> p : Map.of(
                        "pemda", String.valueOf(request.pemda()),
                        "period", String.valueOf(request.period()),
                        "opd", String.valueOf(request.opd()),
                        "dry_run", String.valueOf(dryRun),
                        "confirm", String.valueOf(request.confirm()))
                .entrySet()) {
            if (p.getValue().equals("null")) continue;
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n"
                            + p.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName().toString().replace("\"", "")
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(Files.readAllBytes(file));
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest.Builder http = HttpRequest.newBuilder(
                        URI.create(server.replaceAll("/$", "") + "/api/v1/etl/" + job))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", locale.toLanguageTag())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        if (token != null && !token.isBlank()) http.header("Authorization", "Bearer " + token.strip());
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            err.println("sorot etl: the server at " + server + " needs a personal access token (--token or"
                    + " SOROT_TOKEN; make one on your user page, or with sorot user token on the server)");
            return FAILED;
        }
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            out.println(summary(
                    body.path("status").asString(),
                    body.path("job").asString(),
                    body.path("rows_loaded").asLong(),
                    body.path("rows_read").asLong(),
                    body.path("batch_id").asLong(),
                    "server " + server));
            return LOADED;
        }
        if (response.statusCode() == 409) {
            JsonNode removal = body.path("removal");
            err.println(held(
                    removal.path("rows_removed").asLong(),
                    removal.path("rows_in_scope").asLong(),
                    removal.path("limit_percent").asInt(),
                    JSON.convertValue(removal.path("removed"), List.class)));
            return HELD;
        }
        if (body.has("problems") && !body.path("problems").isEmpty()) {
            for (JsonNode p : body.path("problems"))
                err.println(p.path("message").asString());
            return REJECTED;
        }
        err.println(
                "sorot etl: " + response.statusCode() + " " + body.path("error").asString(response.body()));
        return response.statusCode() == 404 || response.statusCode() == 400 ? FAILED : REJECTED;
    }

    static String summary(String status, String job, long loaded, long read, long batch, String where) {
        return status.equals("VALID")
                ? "checked " + read + " rows with " + job + ": no problem (" + where + ", nothing written)"
                : "loaded " + loaded + " facts from " + read + " rows with " + job + " (batch " + batch + ", " + where
                        + ")";
    }

    /** A held load, as the command line says it: how much would go, the first of it, how to go on. */
    static String held(long removed, long inScope, int limitPercent, List<?> described) {
        StringBuilder s = new StringBuilder("sorot etl: perlu konfirmasi: this load would remove " + removed
                + " of the " + inScope + " rows now in its scope (more than " + limitPercent + " %); nothing changed.");
        for (Object d : described) s.append("\n  gone: ").append(d);
        if (removed > described.size())
            s.append("\n  ... ").append(removed - described.size()).append(" more");
        s.append("\nRun it again with --confirm to load it.");
        return s.toString();
    }

    /** The in-process path, for when no server runs: the store is opened by this process. */
    private static int direct(
            EtlService etl,
            String job,
            Path file,
            LoadRequest request,
            boolean dryRun,
            Locale locale,
            PrintStream out,
            PrintStream err) {
        if (etl.job(job).isEmpty()) {
            err.println("sorot etl: unknown job '" + job + "' (known: "
                    + String.join(", ", etl.jobs().stream().map(JobSpec::name).toList()) + ")");
            return FAILED;
        }
        try {
            LoadResult r = dryRun
                    ? etl.preview(job, SourceFile.of(file), request)
                    : etl.load(job, SourceFile.of(file), request, null);
            if (r.status() == LoadResult.Status.HELD) {
                err.println(held(
                        r.removal().rowsRemoved(),
                        r.removal().rowsInScope(),
                        r.removal().limitPercent(),
                        r.removal().removed()));
                return HELD;
            }
            if (!r.ok()) {
                r.problems().forEach(p -> err.println(etl.render(p, locale)));
                if (r.problemCount() > r.problems().size()) {
                    err.println("... " + (r.problemCount() - r.problems().size()) + " more");
                }
                return REJECTED;
            }
            out.println(summary(r.status().name(), r.job(), r.rowsLoaded(), r.rowsRead(), r.batchId(), "store"));
            return LOADED;
        } catch (IOException e) {
            err.println("sorot etl: " + e.getMessage());
            return FAILED;
        }
    }
}
