package com.ipexpert.edge.messaging;

import com.ipexpert.edge.errors.DatabaseOutage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;

/**
 * What a projection or saga does when one of its handlers fails. A failure because the database is away is thrown
 * on, so the processor rolls the batch back and handles it again once the database is back (Axon's retry mode): an
 * event is never skipped for an outage. Any other failure is logged and the event passed, as Axon does by default.
 */
public final class OutagesRetried implements ListenerInvocationErrorHandler {
    private final ListenerInvocationErrorHandler otherwise = new LoggingErrorHandler();

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        if (DatabaseOutage.isCause(exception)) throw exception;
        otherwise.onError(exception, event, eventHandler);
    }
}
