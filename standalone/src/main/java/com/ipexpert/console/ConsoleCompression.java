package com.ipexpert.console;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The console's files travel gzipped (its first load is about 100 KB so, not 330 KB), unless `server.compression`
 * is configured explicitly. Only the console's own types: API answers and streams are left as they are.
 */
@Configuration
public class ConsoleCompression {
    static final String[] CONSOLE_TYPES = {"text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"};

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> consoleFilesGzipped(ServerProperties server) {
        return factory -> {
            if (Boolean.TRUE.equals(server.getCompression().getEnabled())) return;
            Compression compression = new Compression();
            compression.setEnabled(true);
            compression.setMimeTypes(CONSOLE_TYPES);
            compression.setMinResponseSize(DataSize.ofKilobytes(1));
            factory.setCompression(compression);
        };
    }
}
