package com.ipexpert.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The build's training run for class data sharing ({@code ipexpert.class-data-training=true}, see the standalone
 * module's pom): once the application is ready it waits for the knowledge engine, asks for a few pages the way a
 * first client does, and exits with 0, or 1 when the application did not answer as it should. The JVM that runs it
 * with {@code -XX:ArchiveClassesAtExit} then writes every class it loaded into the archive the README's run command
 * maps, so that a start reads them from the archive instead of finding, reading and verifying each one again.
 * It is never on in a running installation: it stops the application.
 */
@Component
@ConditionalOnProperty(name = "ipexpert.class-data-training", havingValue = "true")
class ClassDataTraining {
    private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);
    private static final Duration KNOWLEDGE_READY_WITHIN = Duration.ofMinutes(3);
    /** What a first client asks for: health, the engine's readiness, the console, the API description, an unauthenticated read. */
    private static final List<String> FIRST_REQUESTS = List.of("/actuator/health", "/actuator/info", "/",
            "/v3/api-docs", "/api/v1/cases");

    @EventListener
    void ready(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Thread training = new Thread(() -> {
            int status = exercise("http://127.0.0.1:" + port) ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> status));
        }, "class-data-training");
        training.start();
    }

    private static boolean exercise(String base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Instant deadline = Instant.now().plus(KNOWLEDGE_READY_WITHIN);
            while (status(http, base + "/actuator/health/knowledge") != 200) {
                if (Instant.now().isAfter(deadline)) {
                    log.error("Class data training: the knowledge engine was not ready within {}", KNOWLEDGE_READY_WITHIN);
                    return false;
                }
                Thread.sleep(200);
            }
            for (String path : FIRST_REQUESTS) {
                int status = status(http, base + path);
                if (status >= 500) {
                    log.error("Class data training: {} answered {}", path, status);
                    return false;
                }
            }
            log.info("Class data training done: the application started, the knowledge engine is ready, {} first requests answered",
                    FIRST_REQUESTS.size());
            return true;
        } catch (Exception e) {
            log.error("Class data training failed", e);
            return false;
        }
    }

    private static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
