package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.DraftSink;
import com.ipexpert.analyst.Evidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model analyst that hands a step to the offline analyst when the model cannot answer it: an unreachable
 * endpoint, a timeout, a rate limit, a server error or an unreadable reply (every retryable failure). A refused
 * request (a rejected key, an unknown model) is a configuration error and still fails the node, so it is seen.
 * The step concludes at once instead of failing the node after its attempts; its record says
 * so under {@code fallback} ({@code analyst}, {@code because}, {@code modelFailure}) and keeps the model's calls.
 * It answers to the model's name, so the step still shows which model was configured.
 */
public final class FallbackAnalyst implements Analyst {
    private static final Logger log = LoggerFactory.getLogger(FallbackAnalyst.class);

    private final Analyst model;
    private final Analyst offline;

    public FallbackAnalyst(Analyst model, Analyst offline) {
        this.model = Objects.requireNonNull(model, "model");
        this.offline = Objects.requireNonNull(offline, "offline");
    }

    /** The analyst asked first. */
    public Analyst model() {
        return model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
        return analyse(conversation, evidence, DraftSink.NONE);
    }

    @Override
    public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence, DraftSink drafts) {
        try {
            return model.analyse(conversation, evidence, drafts);
        } catch (AnalystFailure failure) {
            if (!failure.retryable()) throw failure;
            log.warn("model '{}' failed ({}); the offline analyst answers this step", model.name(), failure.getMessage());
            AnalysisDecision decision = offline.analyse(conversation, evidence);
            Map<String, Object> trace = new LinkedHashMap<>(decision.trace());
            Map<String, Object> fallback = new LinkedHashMap<>();
            fallback.put("analyst", offline.name() + " " + offline.version());
            fallback.put("because", "the model could not answer: " + failure.getMessage());
            fallback.put("retryable", failure.retryable());
            fallback.put("modelFailure", failure.trace());
            trace.put("fallback", fallback);
            trace.put("model", model.name());
            Map<String, Object> sealed = Collections.unmodifiableMap(trace);
            if (decision instanceof NeedMoreInformation n) {
                return new NeedMoreInformation(n.category(), n.vendor(), n.analysis(), n.suggestedQuestions(), sealed);
            }
            ProposedSolution s = (ProposedSolution) decision;
            return new ProposedSolution(s.category(), s.vendor(), s.answer(), s.sources(), s.commands(), sealed);
        }
    }
}
