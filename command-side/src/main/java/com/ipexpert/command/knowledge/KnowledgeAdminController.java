package com.ipexpert.command.knowledge;

import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.retrieval.index.KnowledgeIndex;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.ipexpert.edge.operations.ProjectionRebuilds;
import com.ipexpert.edge.messaging.StoredTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rebuilds the knowledge index from the event store alone, by replaying the {@code knowledge-index} projection. */
@RestController
@RequestMapping("/api/v1/admin/knowledge")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Knowledge")
class KnowledgeAdminController {
    private final EventProcessingConfiguration processing;
    private final KnowledgeIndex index;
    private final ProjectionRebuilds rebuilds;
    private final StoredTokens tokens;
    private final EventStore eventStore;

    KnowledgeAdminController(EventProcessingConfiguration processing, KnowledgeIndex index, ProjectionRebuilds rebuilds,
                             StoredTokens tokens, EventStore eventStore) {
        this.processing = processing;
        this.index = index;
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.eventStore = eventStore;
    }

    @PostMapping("/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the knowledge index from events (extension)", description = "Clears the index and "
            + "re-embeds every indexed, undeleted document's chunks from its events. Answers 202 at once; "
            + "GET /admin/knowledge/index says when it is READY.")
    Map<String, Object> reindex() {
        processor();
        rebuilds.request(KnowledgeIndexProjection.PROCESSING_GROUP); // every command-side instance takes part
        Map<String, Object> body = status();
        body.put("state", "REBUILDING");
        body.put("message", "The knowledge index is being rebuilt from the event store");
        return body;
    }

    @GetMapping("/index")
    @Operation(summary = "State of the knowledge index (extension)", description = "{state: READY|REBUILDING, chunks}")
    Map<String, Object> status() {
        // As the shared token store says, so every instance answers the same, whichever holds the segment. Caught up
        // is what counts: a replay token only turns back into a plain one when a newer event arrives.
        String name = KnowledgeIndexProjection.PROCESSING_GROUP;
        Map<Integer, EventTrackerStatus> held = processor().processingStatus();
        StoredTokens.Progress stored = tokens.of(name);
        TrackingToken head = eventStore.createHeadToken();
        long lag = Math.max(0, (head == null ? 0 : head.position().orElse(0)) - stored.position(held));
        boolean ready = !stored.segments().isEmpty() && !rebuilds.pending(name)
                && (!stored.replay() || lag == 0
                    || (!held.isEmpty() && held.values().stream().allMatch(EventTrackerStatus::isCaughtUp)))
                && held.values().stream().allMatch(s -> s.getError() == null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", ready ? "READY" : "REBUILDING");
        body.put("chunks", index.count());
        return body;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(KnowledgeIndexProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new ApiException(com.ipexpert.api.errors.ErrorKind.INTERNAL_ERROR,
                        "The knowledge-index processor is not running in this process"));
    }
}
