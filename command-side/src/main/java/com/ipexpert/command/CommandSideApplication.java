package com.ipexpert.command;

import com.ipexpert.edge.deployment.DistributedSecrets;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The command side alone: aggregates, sagas, the agent's worker and the write endpoints. Talks to the query side
 * only through Axon (the shared event store, or Axon Server in the distributed stack).
 */
@SpringBootApplication(scanBasePackages = {"com.ipexpert.command", "com.ipexpert.edge"})
@ConfigurationPropertiesScan({"com.ipexpert.command", "com.ipexpert.edge"})
public class CommandSideApplication {
    public static void main(String[] args) {
        System.setProperty("axon.update-check.disabled", System.getProperty("axon.update-check.disabled", "true"));
        // a side of the distributed stack: no generated or sample secrets (the embedded jar keeps its own key file)
        try {
            new SpringApplicationBuilder(CommandSideApplication.class).initializers(new DistributedSecrets()).run(args);
        } catch (RuntimeException e) {
            // a failed start must end the process (Axon's processor threads would keep it alive), so a supervisor
            // sees it and starts it again
            System.exit(1);
        }
    }
}
