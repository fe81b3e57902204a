package com.ipexpert.edge.errors;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Optional;

/**
 * Finds the business refusal inside whatever Axon wrapped it in. Locally the exception itself travels in the
 * cause chain; across Axon Server only the details survive, which {@link DomainErrorDetails} carries.
 */
public final class DomainErrors {
    private DomainErrors() {
    }

    public static Optional<DomainException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException d) return Optional.of(d);
            if (t instanceof AggregateNotFoundException) {
                return Optional.of(DomainException.notFound("Case " + ((AggregateNotFoundException) t).getAggregateIdentifier() + " was not found"));
            }
            if (t instanceof HandlerExecutionException h) {
                Optional<Object> details = h.getDetails();
                if (details.isPresent() && details.get() instanceof DomainErrorDetails d) {
                    return Optional.of(new DomainException(ErrorKind.valueOf(d.kind()), d.message()));
                }
            }
        }
        return Optional.empty();
    }

    /** What crosses the wire of a refused command. */
    public record DomainErrorDetails(String kind, String message) {
    }
}
