package com.ipexpert.edge.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;

/** One line that tells an operator where the started application answers, where its data lives and on which database. */
@Component
class ReadyLine {
    private static final Logger log = LoggerFactory.getLogger("com.ipexpert.ready");
    private final DataSource dataSource;
    private final Path dataDir;

    ReadyLine(DataSource dataSource, @Value("${ipexpert.data-dir:./data}") Path dataDir) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : -1;
        String database;
        try (Connection c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getURL().replaceAll("[;?].*$", "");
        } catch (Exception e) {
            database = "unknown";
        }
        log.info("IP Expert is ready at http://localhost:{}/api/v1 (health /actuator/health, API docs /swagger-ui.html); data in {}; database {}",
                port, dataDir.toAbsolutePath().normalize(), database);
    }
}
