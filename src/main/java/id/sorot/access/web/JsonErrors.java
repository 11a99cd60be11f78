package id.sorot.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The API's 401 and 403, as JSON in the shape its other errors have ({@code error}, {@code field}). */
@Component
class JsonErrors {

    private final JsonMapper json = JsonMapper.builder().build();

    void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"sorot\"");
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("error", message);
        body.put("field", "Authorization");
        json.writeValue(response.getOutputStream(), body);
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "sign in with a personal access token: Authorization: Bearer sorot_...");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, "your role may not do this");
    }
}
