package com.ipexpert.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The raw limit of {@link StartupBenchmark} and {@link ReadBenchmark}: a Spring Boot web application with nothing of
 * IP Expert, Tomcat and two JSON endpoints, on the same JVM and machine. No database, no Axon, no knowledge engine,
 * no security.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class})
@RestController
public class BareWebApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareWebApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "bare-web-application"));
        app.run(args);
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    /** The JSON body set with {@code bare.body} (a file), parsed once and written again on each request. */
    @GetMapping("/body")
    com.fasterxml.jackson.databind.JsonNode body(@org.springframework.beans.factory.annotation.Value("${bare.body:}") String file,
                                                 com.fasterxml.jackson.databind.ObjectMapper json) throws java.io.IOException {
        if (body == null) body = file.isEmpty() ? json.createObjectNode() : json.readTree(new java.io.File(file));
        return body;
    }

    private volatile com.fasterxml.jackson.databind.JsonNode body;
}
