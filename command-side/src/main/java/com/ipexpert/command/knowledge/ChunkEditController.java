package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentCommands.EditChunkText;
import com.ipexpert.api.knowledge.DocumentCommands.HideChunk;
import com.ipexpert.api.knowledge.DocumentCommands.MergeChunkWithNext;
import com.ipexpert.api.knowledge.DocumentCommands.SplitChunk;
import com.ipexpert.api.knowledge.DocumentId;
import com.ipexpert.api.knowledge.DocumentViews.ChunkChange;
import com.ipexpert.api.knowledge.DocumentViews.ChunkView;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.security.AuthenticatedUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An administrator's fixes to the chunks of a document: edit the text, hide (or show), split, merge with the next.
 * Each is a command on the document (an event in its history); the index follows before the answer, so a hidden
 * chunk is not found by the next search.
 */
@RestController
@RequestMapping("/api/v1/knowledge/documents/{docId}/chunks/{chunkId}")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Knowledge")
class ChunkEditController {
    private final CommandGateway commands;
    private final KnowledgeIndexing indexing;
    private final DocumentRecords records;
    private final Clock clock;

    ChunkEditController(CommandGateway commands, KnowledgeIndexing indexing, DocumentRecords records, Clock clock) {
        this.commands = commands;
        this.indexing = indexing;
        this.records = records;
        this.clock = clock;
    }

    @PatchMapping
    @Operation(summary = "Edit or hide a chunk (extension)", description = "{text?, hidden?} → the chunk {chunkId, text, location, "
            + "hidden, edited}. 409 while the document is being parsed; 404 for an unknown chunk.")
    ChunkView patch(@PathVariable String docId, @PathVariable String chunkId, @RequestBody(required = false) JsonNode body,
                    @AuthenticationPrincipal AuthenticatedUser user) {
        if (body == null || !body.isObject()) throw ApiException.badRequest("The body must be a JSON object {text?, hidden?}");
        JsonNode text = body.get("text");
        JsonNode hidden = body.get("hidden");
        if ((text == null || text.isNull()) && (hidden == null || hidden.isNull())) {
            throw ApiException.badRequest("Give text, hidden or both");
        }
        if (text != null && !text.isNull() && !text.isTextual()) throw ApiException.badRequest("text must be a string");
        if (hidden != null && !hidden.isNull() && !hidden.isBoolean()) throw ApiException.badRequest("hidden must be true or false");
        ChunkChange change = null;
        if (text != null && !text.isNull()) {
            change = send(docId, new EditChunkText(DocumentId.of(docId), user.requester(), newEditId(), chunkId, text.asText(), clock.instant()));
        }
        if (hidden != null && !hidden.isNull()) {
            change = send(docId, new HideChunk(DocumentId.of(docId), user.requester(), newEditId(), chunkId, hidden.asBoolean(), clock.instant()));
        }
        return change.chunks().get(0);
    }

    @PostMapping("/split")
    @Operation(summary = "Split a chunk in two (extension)", description = "{at}: the character of the chunk's text where the "
            + "second part begins → the two chunks.")
    List<ChunkView> split(@PathVariable String docId, @PathVariable String chunkId, @RequestBody(required = false) JsonNode body,
                          @AuthenticationPrincipal AuthenticatedUser user) {
        JsonNode at = body == null ? null : body.get("at");
        if (at == null || !at.canConvertToInt() || !at.isIntegralNumber()) throw ApiException.badRequest("at must be a whole number");
        return send(docId, new SplitChunk(DocumentId.of(docId), user.requester(), newEditId(), chunkId, at.asInt(), clock.instant())).chunks();
    }

    @PostMapping("/merge-next")
    @Operation(summary = "Merge a chunk with the next one (extension)", description = "→ the merged chunk; the next chunk is gone.")
    ChunkView mergeNext(@PathVariable String docId, @PathVariable String chunkId, @AuthenticationPrincipal AuthenticatedUser user) {
        return send(docId, new MergeChunkWithNext(DocumentId.of(docId), user.requester(), newEditId(), chunkId, clock.instant()))
                .chunks().get(0);
    }

    private ChunkChange send(String docId, Object command) {
        ChunkChange change;
        try {
            change = commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AggregateNotFoundException) throw ApiException.notFound("Document " + docId + " was not found");
            }
            throw e;
        }
        records.current(DocumentId.of(docId)).ifPresent(current -> indexing.apply(current, change));
        return change;
    }

    private static String newEditId() {
        return UUID.randomUUID().toString();
    }
}
