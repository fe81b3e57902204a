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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.concurrent.CompletableFuture;

/**
 * The event processors of this process, how far each has read the event store, and a rebuild: the processor stops,
 * its tokens are reset (its {@code @ResetHandler}s clear its tables) and it replays every event from the start.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Operating")
class ProjectionController {
    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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
    @Operation(summary = "Rebuild a projection by replay", description = "202 at once; the processor stops, forgets its position, clears its read model and replays. "
            + "A saga or a subscribing processor cannot be replayed (409).")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> ApiException.notFound("There is no event processor named " + name));
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw DomainException.conflict(name + " cannot be replayed: it is not a projection (replaying a process would act again)");
        }
        CompletableFuture.runAsync(() -> {
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
            log.info("Projection {} reset; replaying from the start of the event store", name);
        }).exceptionally(e -> {
            log.error("Projection {} could not be rebuilt", name, e);
            if (!streaming.isRunning()) streaming.start();
            return null;
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProjectionStatus(name, groupOf(name), null, null, true));
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        String name = processor.getName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(name, groupOf(name), null, null, false);
        }
        long position = position(streaming.processingStatus());
        long lag = Math.max(0, head - position);
        // after a reset Axon reports "replaying" until a newer event arrives: judge by position against the head
        boolean replaying = streaming.isReplaying() && lag > 0;
        return new ProjectionStatus(name, groupOf(name), position, lag, replaying);
    }

    /** The slowest segment's position; 0 before a segment has read anything. */
    private static long position(Map<Integer, EventTrackerStatus> segments) {
        if (segments.isEmpty()) return 0;
        return segments.values().stream()
                .mapToLong(s -> {
                    OptionalLong current = s.getCurrentPosition();
                    return current.isPresent() ? current.getAsLong() : 0;
                })
                .min().orElse(0);
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
