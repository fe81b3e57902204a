package com.ipexpert.command.knowledge;

import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.CaseCommands.RecordCorrectionNotPublished;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.identity.Requester;
import com.ipexpert.api.knowledge.CorrectionCommands.PublishCorrection;
import com.ipexpert.api.knowledge.DocumentCommands.UploadDocument;
import com.ipexpert.retrieval.KnowledgePipeline;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an approved correction as a markdown knowledge document (the original question, the engineer's answers,
 * the corrected solution), tagged {@code feedback} and linked to its case, and uploads it like any document.
 */
@Component
class CorrectionPublisher {
    private static final Logger log = LoggerFactory.getLogger(CorrectionPublisher.class);
    static final String TAG = "feedback";
    private final EventStore events;
    private final DocumentFiles files;
    private final KnowledgePipeline pipeline;
    private final CommandGateway commands;
    private final Clock clock;

    CorrectionPublisher(EventStore events, DocumentFiles files, KnowledgePipeline pipeline, CommandGateway commands,
                        Clock clock) {
        this.events = events;
        this.files = files;
        this.pipeline = pipeline;
        this.commands = commands;
        this.clock = clock;
    }

    @CommandHandler
    void handle(PublishCorrection cmd) {
        try {
            publish(cmd);
        } catch (RuntimeException refused) {
            // Nothing swallowed: the case's history says why its approved correction did not become knowledge.
            log.info("The correction of feedback {} was not published: {}", cmd.feedbackId(), refused.getMessage());
            commands.sendAndWait(new RecordCorrectionNotPublished(cmd.caseId(), cmd.feedbackId(),
                    reasonOf(refused), clock.instant()));
        }
    }

    private void publish(PublishCorrection cmd) {
        if (events.readEvents(cmd.docId().value()).hasNext()) return; // a redelivered approval: published already
        CaseStory story = CaseStory.of(events.readEvents(cmd.caseId().value()));
        byte[] content = markdown(cmd, story).getBytes(StandardCharsets.UTF_8);
        String fileName = "feedback-" + cmd.caseId().value() + ".md";
        Set<String> tags = new LinkedHashSet<>(List.of(TAG, "case:" + cmd.caseId().value()));
        if (story.category() != null) tags.add(story.category());
        files.store(cmd.docId(), content);
        try {
            commands.sendAndWait(new UploadDocument(cmd.docId(), new Requester(cmd.approvedBy(), Set.of(Requester.ADMIN)),
                    fileName, story.vendor(), List.copyOf(tags), DocumentCommandController.sha256(content), content.length,
                    pipeline.detect(fileName, content).name(), clock.instant()));
        } catch (RuntimeException refused) {
            files.delete(cmd.docId());
            throw refused;
        }
    }

    private static String reasonOf(RuntimeException refused) {
        String message = com.ipexpert.edge.errors.DomainErrors.find(refused).map(Throwable::getMessage)
                .orElse(refused.getMessage());
        return message == null || message.isBlank() ? refused.getClass().getSimpleName() : message;
    }

    static String markdown(PublishCorrection cmd, CaseStory story) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(firstLine(story.question())).append("\n\n");
        md.append("Case: ").append(cmd.caseId().value()).append("  \n");
        if (story.vendor() != null) md.append("Vendor: ").append(story.vendor()).append("  \n");
        if (story.category() != null) md.append("Category: ").append(story.category()).append("  \n");
        md.append("\n## Question\n\n").append(story.question()).append("\n");
        if (!story.answers().isEmpty()) {
            md.append("\n## What the engineer reported\n\n");
            for (String answer : story.answers()) md.append("- ").append(answer.replace("\n", " ")).append("\n");
        }
        md.append("\n## Corrected solution\n\n").append(cmd.correctedSolution().strip()).append("\n");
        if (cmd.comment() != null && !cmd.comment().isBlank()) {
            md.append("\n## Engineer's comment\n\n").append(cmd.comment().strip()).append("\n");
        }
        return md.toString();
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().split("\n", 2)[0];
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }

    /** What the case's own events tell: the question, the engineer's answers, the agent's last category and vendor. */
    record CaseStory(String question, List<String> answers, String category, String vendor) {
        static CaseStory of(DomainEventStream stream) {
            String question = "";
            List<String> answers = new ArrayList<>();
            String category = null;
            String vendor = null;
            while (stream.hasNext()) {
                Object payload = stream.next().getPayload();
                if (payload instanceof CaseOpened opened) {
                    question = opened.query();
                } else if (payload instanceof ClarificationAnswered answered) {
                    answers.add(textOf(answered.response()));
                } else if (payload instanceof AnalysisOutcomeRecorded outcome && outcome.outcome() != AnalysisOutcome.FAILED) {
                    if (outcome.category() != null) category = outcome.category();
                    if (outcome.vendor() != null) vendor = outcome.vendor();
                }
            }
            return new CaseStory(question, answers, category, vendor);
        }

        private static String textOf(Map<String, Object> response) {
            if (response == null) return "";
            if (response.size() == 1) return String.valueOf(response.values().iterator().next());
            return response.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        }
    }
}
