package com.ipexpert.query.cases;

import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptFailed;

import java.util.LinkedHashMap;
import java.util.Map;

/** A node's metadata as the case graph shows it after an event, in one place for the live graph and for time travel. */
public final class NodeMetadata {
    private NodeMetadata() {
    }

    /** After a failed attempt: which one, why, whether it timed out, and what it had done. */
    public static Map<String, Object> afterFailedAttempt(AnalysisAttemptFailed e) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("lastAttempt", e.attempt());
        metadata.put("lastFailure", e.reason());
        metadata.put("timedOut", e.timedOut());
        if (!e.record().isEmpty()) metadata.put("lastAttemptRecord", e.record());
        return metadata;
    }
}
