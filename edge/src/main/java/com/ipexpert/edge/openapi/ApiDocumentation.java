package com.ipexpert.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of the REST contract, served at /v3/api-docs and /swagger-ui.html. */
@Configuration
public class ApiDocumentation {
    @Bean
    OpenAPI ipExpertOpenApi() {
        return new OpenAPI()
                .info(new Info().title("IP Expert API").version("v1")
                        .description("Network fault diagnosis: cases as graphs of nodes, a knowledge base of vendor manuals, "
                                + "statistics and audit. Errors answer {code, status: \"error\", error: {type, message}}."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
