package com.ipexpert.edge.errors;

import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command whose handling instance went away behind Axon Server is a 503 "look before you resend", not a 500. */
class HandlerLostTest {

    @Test
    void a_connection_lost_while_the_command_ran_is_a_503_that_says_the_outcome_is_unknown() {
        var lost = new AxonServerRemoteCommandHandlingException("AXONIQ-4002",
                ErrorMessage.newBuilder().setErrorCode("AXONIQ-4002")
                        .addDetails("Connection lost while executing command on: command-side-2").build());
        var answer = new ApiExceptionHandler().unexpected(new CommandExecutionException("command failed", lost));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().error().message()).contains("may or may not have been done");
    }

    @Test
    void a_command_axon_server_could_not_dispatch_is_a_503() {
        var undelivered = new AxonServerCommandDispatchException("AXONIQ-4003", "no connection to the handler", null);
        assertThat(new ApiExceptionHandler().unexpected(undelivered).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void a_remote_handler_that_failed_for_its_own_reasons_stays_a_500() {
        var failed = new AxonServerRemoteCommandHandlingException("AXONIQ-4002",
                ErrorMessage.newBuilder().setErrorCode("AXONIQ-4002").addDetails("NullPointerException in a handler").build());
        assertThat(new ApiExceptionHandler().unexpected(new CommandExecutionException("command failed", failed))
                .getStatusCode().value()).isEqualTo(500);
    }
}
