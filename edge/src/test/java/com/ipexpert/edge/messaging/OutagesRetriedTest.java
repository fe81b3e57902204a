package com.ipexpert.edge.messaging;

import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class OutagesRetriedTest {
    private final OutagesRetried handler = new OutagesRetried();
    private final EventMessageHandler projection = mock(EventMessageHandler.class);

    @org.junit.jupiter.api.BeforeEach
    void projectionType() {
        org.mockito.Mockito.doReturn(OutagesRetriedTest.class).when(projection).getTargetType();
    }

    @Test
    void a_handler_that_met_a_database_outage_fails_its_batch_so_the_event_is_handled_again() {
        var outage = new IllegalStateException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThatThrownBy(() -> handler.onError(outage, GenericEventMessage.asEventMessage("case opened"), projection))
                .isSameAs(outage);
    }

    @Test
    void any_other_failure_is_logged_and_the_event_passed_as_before() {
        assertThatCode(() -> handler.onError(new IllegalArgumentException("bad payload"),
                GenericEventMessage.asEventMessage("case opened"), projection)).doesNotThrowAnyException();
    }
}
