package com.ipexpert.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console from the API's own origin: its files, its client-side routes, and the API paths left alone. */
class ConsoleServingTest extends ApplicationTest {

    @Test
    void the_root_and_any_client_side_route_answer_the_console_without_a_token() {
        for (String path : new String[]{"/", "/cases/3f2a", "/audit/abc", "/dashboard"}) {
            HttpResponse<String> page = raw(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        }
    }

    @Test
    void the_console_scripts_are_served_gzipped_and_cached_for_good() throws Exception {
        String index = raw("/").body();
        String script = index.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        assertThat(script).startsWith("/assets/");
        HttpResponse<byte[]> file = anonymous().client().send(anonymous().request(script).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(file.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
    }

    @Test
    void api_paths_and_missing_files_do_not_fall_back_to_the_console() {
        Api.Response unknownApi = anonymous().get("/api/v1/no-such-endpoint");
        assertThat(unknownApi.status()).isIn(401, 404);
        assertThat(unknownApi.body().get("status").asText()).isEqualTo("error");
        assertThat(admin().get("/api/v1/no-such-endpoint").errorType()).isEqualTo("NOT_FOUND");
        assertThat(anonymous().get("/api/v1/cases").status()).isEqualTo(401);

        Api.Response missingFile = anonymous().get("/assets/no-such-file.js");
        assertThat(missingFile.status()).isEqualTo(404);
        assertThat(missingFile.errorType()).isEqualTo("NOT_FOUND");
        assertThat(anonymous().method("POST", "/cases/3f2a").status()).as("only GET and HEAD are the console's").isIn(401, 404);

        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(raw("/swagger-ui/index.html").body()).doesNotContain("<div id=\"root\"></div>");
    }

    private HttpResponse<String> raw(String path) {
        try {
            return anonymous().client().send(anonymous().request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
