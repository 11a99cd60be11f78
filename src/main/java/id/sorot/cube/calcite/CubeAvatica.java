package id.sorot.cube.calcite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.sorot.cube.model.CubeDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
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
 * avatica_user=sorot;avatica_password=TOKEN}. Bound to 127.0.0.1 only; every request needs the token.
 */
public final class CubeAvatica implements AutoCloseable {

    private final HttpServer server;
    private final CubeDriver driver;
    private final byte[] token;

    private CubeAvatica(HttpServer server, CubeDriver driver, String token) {
        this.server = server;
        this.driver = driver;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static CubeAvatica start(DataSource dataSource, List<CubeDefinition> cubes, int port, String token)
            throws IOException, SQLException {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("sorot.avatica.token must be set when sorot.avatica.enabled is true");
        }
        CubeDriver driver = new CubeDriver(dataSource, cubes);
        DriverManager.registerDriver(driver);
        Service service = new LocalService(new JdbcMeta(CubeDriver.URL, new Properties()));
        Handler<byte[]> protobuf =
                new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
        Handler<String> json = new JsonHandler(service, NoopMetricsSystem.getInstance());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        CubeAvatica avatica = new CubeAvatica(server, driver, token);
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
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
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
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** HTTP Basic with any user name and the token as password, compared in constant time. */
    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) return false;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        byte[] given = (colon < 0 ? "" : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
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
