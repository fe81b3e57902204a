package com.ipexpert.gateway;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The proxy takes {@code /api/*}; the gateway's own {@code /actuator} stays with Spring MVC. */
@Configuration
class GatewayConfiguration {

    @Bean
    ServletRegistrationBean<Proxy> proxy(GatewaySettings settings) {
        if (settings.commandSide().isEmpty() || settings.querySide().isEmpty()) {
            throw new IllegalStateException("The gateway needs at least one instance of each side: set "
                    + "IPEXPERT_GATEWAY_COMMAND_SIDE and IPEXPERT_GATEWAY_QUERY_SIDE (comma-separated base URLs)");
        }
        ServletRegistrationBean<Proxy> registration = new ServletRegistrationBean<>(new Proxy(settings, Clock.systemUTC()), "/api/*");
        registration.setAsyncSupported(false);
        registration.setLoadOnStartup(1);
        return registration;
    }
}
