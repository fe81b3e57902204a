package com.ipexpert.query;

import com.ipexpert.edge.deployment.DistributedSecrets;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The query side alone: projections, query handlers and the read endpoints. Reads events written by the command
 * side and answers queries; never calls the command side's beans.
 */
@SpringBootApplication(scanBasePackages = {"com.ipexpert.query", "com.ipexpert.edge"})
@ConfigurationPropertiesScan({"com.ipexpert.query", "com.ipexpert.edge"})
public class QuerySideApplication {
    public static void main(String[] args) {
        System.setProperty("axon.update-check.disabled", System.getProperty("axon.update-check.disabled", "true"));
        // a side of the distributed stack: no generated or sample secrets (the embedded jar keeps its own key file)
        try {
            new SpringApplicationBuilder(QuerySideApplication.class).initializers(new DistributedSecrets()).run(args);
        } catch (RuntimeException e) {
            // a failed start must end the process (Axon's processor threads would keep it alive), so a supervisor
            // sees it and starts it again
            System.exit(1);
        }
    }
}
