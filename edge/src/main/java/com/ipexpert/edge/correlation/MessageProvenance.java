package com.ipexpert.edge.correlation;

import com.ipexpert.edge.security.AuthenticatedUser;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps who caused a message ({@code actor}: a user id, {@code agent} or {@code system}) and the request's
 * correlation id ({@code traceId}) on every message, in one place, instead of in every payload.
 * A message dispatched while handling an event or deadline is the agent's doing, not the user's.
 */
public final class MessageProvenance {
    public static final String ACTOR = "actor";
    public static final String TRACE_ID = "traceId";
    public static final String AGENT = "agent";
    public static final String SYSTEM = "system";

    private MessageProvenance() {
    }

    /** Dispatch interceptor for messages sent from outside any handler (HTTP threads, workers). */
    public static <M extends Message<?>> MessageDispatchInterceptor<M> stamp() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
                return (index, message) -> {
                    Map<String, Object> extra = new HashMap<>();
                    if (!message.getMetaData().containsKey(ACTOR)) extra.put(ACTOR, currentActor());
                    String requestId = MDC.get(RequestCorrelationFilter.MDC_KEY);
                    if (!message.getMetaData().containsKey(TRACE_ID) && requestId != null) extra.put(TRACE_ID, requestId);
                    @SuppressWarnings("unchecked")
                    M stamped = extra.isEmpty() ? message : (M) message.andMetaData(extra);
                    return stamped;
                };
            }
        };
    }

    /** Carries the actor from a command to the events it causes; marks what a process does as the agent's. */
    public static CorrelationDataProvider actorCorrelation() {
        return message -> {
            if (message instanceof EventMessage<?> || message instanceof DeadlineMessage<?>) {
                return Map.of(ACTOR, AGENT);
            }
            Object actor = message.getMetaData().get(ACTOR);
            if (message instanceof CommandMessage<?> && actor != null) return Map.of(ACTOR, actor);
            return Map.of();
        };
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) return user.id();
        return SYSTEM;
    }
}
