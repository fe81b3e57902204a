package com.ipexpert.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The entry point of the distributed stack: one base URL for the whole {@code /api/v1} contract. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
    public static void main(String[] args) {
        // its settings are gateway.yml, so they never shadow a side's application.yml on a shared classpath
        new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway").run(args);
    }
}
