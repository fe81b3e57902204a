package com.ipexpert.api.audit;

import java.time.Instant;

/** What the audit read side answers. */
public final class AuditQueries {
    private AuditQueries() {
    }

    /** Cases of every user, optionally of one owner and opened within [from, to); page counts from 1. */
    public record ListAuditCases(String owner, Instant from, Instant to, int page, int pageSize) {
    }
}
