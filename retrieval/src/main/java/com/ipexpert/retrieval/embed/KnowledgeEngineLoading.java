package com.ipexpert.retrieval.embed;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.api.errors.ErrorKind;

import java.time.Duration;

/**
 * The knowledge engine is still loading its embedding models (the first seconds after a start): a search cannot be
 * ranked yet. Refused as 503 so a client tries again, rather than answered from keywords alone.
 */
public final class KnowledgeEngineLoading extends DomainException {
    public KnowledgeEngineLoading(Duration waited) {
        super(ErrorKind.SERVICE_UNAVAILABLE, "The knowledge engine is still loading its models"
                + (waited == null ? "" : " (waited " + waited.toSeconds() + " s)")
                + "; try again in a few seconds. /actuator/health/knowledge says when it is ready");
    }
}
