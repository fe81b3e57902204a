package com.ipexpert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** IP Expert in one process: command side, query side and the HTTP edge, on embedded defaults. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IpExpertApplication {
    public static void main(String[] args) {
        System.setProperty("axon.update-check.disabled", System.getProperty("axon.update-check.disabled", "true"));
        SpringApplication.run(IpExpertApplication.class, args);
    }
}
