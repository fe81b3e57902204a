package com.ipexpert.command.agent;

import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.api.cases.AnalysisOutcome;
import com.ipexpert.api.cases.Attachment;
import com.ipexpert.api.cases.CaseEvents.AnalysisOutcomeRecorded;
import com.ipexpert.api.cases.CaseEvents.CaseOpened;
import com.ipexpert.api.cases.CaseEvents.ClarificationAnswered;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rebuilds the conversation of a case from its own event stream, up to the node being analysed: the question,
 * then each question the agent asked and the engineer's answer. The command side reads no read model.
 */
public class CaseConversations {
    private static final int OWNERS_KEPT = 10_000;
    private final EventStore events;
    /** Who opened each case recently read: a case's owner never changes, so a step reads the stream once. */
    private final Map<CaseId, String> owners = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CaseId, String> eldest) {
            return size() > OWNERS_KEPT;
        }
    });

    public CaseConversations(EventStore events) {
        this.events = events;
    }

    public CaseConversation upTo(CaseId caseId, NodeId analysisNode) {
        DomainEventStream stream = events.readEvents(caseId.value());
        String question = null;
        List<CaseConversation.Turn> turns = new ArrayList<>();
        String pendingAnalysis = null;
        List<String> pendingQuestions = List.of();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof CaseOpened opened) {
                question = withPastedAttachments(opened);
                owners.put(caseId, opened.owner());
                if (opened.analysisNode().equals(analysisNode)) break;
            } else if (payload instanceof AnalysisOutcomeRecorded outcome) {
                if (outcome.outcome() == AnalysisOutcome.CLARIFICATION) {
                    pendingAnalysis = outcome.summary();
                    pendingQuestions = outcome.questions();
                } else if (outcome.outcome() == AnalysisOutcome.SOLUTION) {
                    turns.add(new CaseConversation.Turn(outcome.summary(), List.of(), null));
                }
            } else if (payload instanceof ClarificationAnswered answered) {
                turns.add(new CaseConversation.Turn(pendingAnalysis, pendingQuestions, textOf(answered.response())));
                pendingAnalysis = null;
                pendingQuestions = List.of();
                if (answered.analysisNode().equals(analysisNode)) break;
            }
        }
        return new CaseConversation(question, turns);
    }

    /**
     * The question and the text of attachments that are pasted text (several lines, not a link or a document id), such
     * as device output the client sent as an attachment or a screenshot's text OCR read: the analyst reads it as it reads
     * the question.
     */
    static String withPastedAttachments(CaseOpened opened) {
        StringBuilder question = new StringBuilder(opened.query() == null ? "" : opened.query());
        if (opened.attachments() != null) {
            for (Attachment a : opened.attachments()) appendPasted(question, a.name(), a.reference());
        }
        return question.toString();
    }

    private static void appendPasted(StringBuilder to, String name, String text) {
        if (text == null || text.equals(name) || !text.strip().contains("\n") || LINK.matcher(text.strip()).lookingAt()) return;
        if (!to.isEmpty()) to.append("\n");
        to.append(text.strip());
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("(?i)(https?|ftp|file)://");

    /** Who opened the case: whose budget of model calls a step of it uses. */
    public String ownerOf(CaseId caseId) {
        String known = owners.get(caseId);
        if (known != null) return known;
        DomainEventStream stream = events.readEvents(caseId.value());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof CaseOpened opened) {
                owners.put(caseId, opened.owner());
                return opened.owner();
            }
        }
        return "";
    }

    /**
     * An answer is free JSON; its text is what the engineer wrote, whatever the field names, then what its attachments
     * hold as pasted text ({@code attachments: [{name, reference}]}, a screenshot's text among them).
     */
    static String textOf(Map<String, Object> response) {
        if (response == null) return "";
        Map<String, Object> said = new java.util.LinkedHashMap<>(response);
        Object attached = said.remove("attachments");
        StringBuilder text = new StringBuilder(said.isEmpty() ? "" : said.size() == 1 ? String.valueOf(said.values().iterator().next())
                : said.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        if (attached instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> a && a.get("reference") instanceof String reference) {
                    appendPasted(text, String.valueOf(a.get("name")), reference);
                } else if (item instanceof String pasted) {
                    appendPasted(text, null, pasted);
                }
            }
        } else if (attached != null) {
            text.append(text.isEmpty() ? "" : "\n").append("attachments: ").append(attached);
        }
        return text.toString();
    }
}
