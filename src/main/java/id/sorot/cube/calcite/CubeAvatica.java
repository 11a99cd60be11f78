package id.sorot.cube.calcite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.sorot.access.Actor;
import id.sorot.cube.model.CubeDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * The cubes as SQL views for other tools, over Avatica's wire protocol (JSON or protobuf): connect
 * with {@code jdbc:avatica:remote:url=http://127.0.0.1:PORT;serialization=protobuf;authentication=BASIC;
 * avatica_user=NAME;avatica_password=TOKEN}, TOKEN a personal access token. Bound to 127.0.0.1 only;
 * every request needs a valid token and acts for its owner: their pemda's rows, read only. Nothing a
 * request makes Calcite throw ends the server's thread.
 */
public final class CubeAvatica implements AutoCloseable {

    private final HttpServer server;
    private final CubeDriver driver;
    private final Function<String, Optional<Actor>> tokens;

    private CubeAvatica(HttpServer server, CubeDriver driver, Function<String, Optional<Actor>> tokens) {
        this.server = server;
        this.driver = driver;
        this.tokens = tokens;
    }

    /** Serves the cubes on {@code port}; {@code tokens} tells whose a personal access token is. */
    public static CubeAvatica start(
            DataSource dataSource, List<CubeDefinition> cubes, int port, Function<String, Optional<Actor>> tokens)
            throws IOException, SQLException {
        CubeDriver driver = new CubeDriver(dataSource, cubes);
        DriverManager.registerDriver(driver);
        Service service = new LocalService(new JdbcMeta(CubeDriver.URL, new Properties()));
        Handler<byte[]> protobuf =
                new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
        Handler<String> json = new JsonHandler(service, NoopMetricsSystem.getInstance());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        CubeAvatica avatica = new CubeAvatica(server, driver, tokens);
        server.createContext("/", exchange -> avatica.handle(exchange, protobuf, json));
        server.setExecutor(Executors.newFixedThreadPool(
                4, Thread.ofPlatform().daemon().name("sorot-avatica-", 0).factory()));
        server.start();
        return avatica;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Handler<byte[]> protobuf, Handler<String> json) throws IOException {
        try (exchange) {
            Optional<Actor> actor = actor(exchange.getRequestHeaders().getFirst("Authorization"));
            if (actor.isEmpty()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"sorot\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean isJson = body.length > 0 && body[0] == '{' && (type == null || !type.contains("protobuf"));
            byte[] out;
            int status;
            CubeDriver.CALLER.set(actor.get());
            try {
                if (isJson) {
                    Handler.HandlerResponse<String> r = json.apply(new String(body, StandardCharsets.UTF_8));
                    out = r.getResponse().getBytes(StandardCharsets.UTF_8);
                    status = r.getStatusCode();
                    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                } else {
                    Handler.HandlerResponse<byte[]> r = protobuf.apply(body);
                    out = r.getResponse();
                    status = r.getStatusCode();
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                }
            } catch (RuntimeException | AssertionError e) {
                // what Avatica does not turn into an error response of its own: answered, the thread lives on
                out = ("Sorot could not run this request: " + e).getBytes(StandardCharsets.UTF_8);
                status = 500;
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            } finally {
                CubeDriver.CALLER.remove();
            }
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** HTTP Basic with any user name and a personal access token as password: the token's owner. */
    private Optional<Actor> actor(String header) {
        if (header == null || !header.startsWith("Basic ")) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : tokens.apply(decoded.substring(colon + 1));
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            DriverManager.deregisterDriver(driver);
        } catch (SQLException ignored) {
            // shutting down
        }
    }
}
