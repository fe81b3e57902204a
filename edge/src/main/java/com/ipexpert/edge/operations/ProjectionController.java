package com.ipexpert.edge.operations;

import com.ipexpert.api.errors.DomainException;
import com.ipexpert.edge.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import com.ipexpert.edge.messaging.StoredTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event processors of this process, how far each has read the event store (as the shared token store says, so
 * every instance of a side answers the same whichever holds the segments), and a rebuild: on every instance running
 * it the processor stops, its tokens are reset once (its {@code @ResetHandler}s clear its tables) and it replays every
 * event from the start ({@link ProjectionRebuilds}).
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Operating")
class ProjectionController {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final StoredTokens tokens;
    private final ProjectionRebuilds rebuilds;

    ProjectionController(EventProcessingConfiguration processing, EventStore eventStore, StoredTokens tokens,
                         ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.rebuilds = rebuilds;
    }

    /** {@code position} and {@code lag} count events of the store (global index); null for a subscribing processor. */
    record ProjectionStatus(String name, String processingGroup, Long position, Long lag, boolean replaying) {
    }

    @GetMapping
    @Operation(summary = "Event processors and their progress", description = "[{name, processingGroup, position, lag, replaying}]; "
            + "replaying is true while a rebuilt processor has not reached the head of the event store.")
    List<ProjectionStatus> list() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(p -> status(p, head))
                .toList();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection by replay", description = "202 at once; on every instance running it the processor stops, then it forgets its position, clears its read model once and replays. "
            + "A saga or a subscribing processor cannot be replayed (409).")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> ApiException.notFound("There is no event processor named " + name));
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw DomainException.conflict(name + " cannot be replayed: it is not a projection (replaying a process would act again)");
        }
        rebuilds.request(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProjectionStatus(name, groupOf(name), null, null, true));
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        String name = processor.getName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(name, groupOf(name), null, null, false);
        }
        StoredTokens.Progress stored = tokens.of(name);
        long position = stored.position(streaming.processingStatus());
        long lag = Math.max(0, head - position);
        // a reset leaves a replay token until a newer event arrives: judge by position against the head
        boolean replaying = rebuilds.pending(name) || ((stored.replay() || streaming.isReplaying()) && lag > 0);
        return new ProjectionStatus(name, groupOf(name), position, lag, replaying);
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    /** Every processing group here has a processor of its own, named after it. */
    private static String groupOf(String processorName) {
        return processorName;
    }
}
