package com.ipexpert.analyst.llm;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.AnalysisDecision.Source;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.AnalystFailure;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.DraftSink;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.FaultCategory;
import com.ipexpert.analyst.classification.FaultClassifier;
import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.secrets.SecretMasker;
import com.ipexpert.analyst.cli.CommandSyntax;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The analyst that asks a language model, retrieval-augmented: the versioned {@link DiagnosisPrompt} gives the
 * model the whole conversation, the retrieved passages with their chunk ids and the vendor's CLI dialect, and the
 * model answers with a JSON decision. What the model says is then held to the product's rules: questions already
 * asked are dropped and at most {@value #MAX_QUESTIONS} remain; citations must name retrieved chunks; commands must
 * be in the vendor's syntax. Every drop is recorded in the step's trace, with the model, the prompt version, the
 * tokens and the latency of each model call, so a step's metadata says why it said what it said.
 *
 * <p>It never asks the same thing twice: when nothing new is left to ask, or after
 * {@value #MAX_CLARIFICATION_TURNS} clarification turns, the model is asked for a solution; a model that still
 * asks gets the offline analyst's answer in its place. Category and vendor are read by the {@link FaultClassifier}
 * from the whole conversation at every step; the model may refine the category, and names the vendor only when
 * the engineer's text does not. Model failures surface as {@link AnalystFailure}s that say whether to retry.
 * With a streaming endpoint, the text of the answer (or the analysis) goes to the step's {@link DraftSink} as the
 * model writes it; the decision itself is read from the complete reply.
 * Neither the key nor the prompt is ever logged. Stateless and thread-safe.
 */
public final class LlmAnalyst implements Analyst {

    public static final int MAX_CLARIFICATION_TURNS = 2;
    public static final int MAX_QUESTIONS = 3;
    /** A passage longer than this is cut in the prompt: five of them must fit a small model's context. */
    static final int PASSAGE_CHARS = 1500;

    private static final Logger log = LoggerFactory.getLogger(LlmAnalyst.class);
    private static final Pattern DEVICE_PROMPT = Pattern.compile("^(<[^>\\s]+>|\\[[^]\\s]+]|[\\w.-]+[#>])\\s*");
    private static final Pattern NOT_WORDS = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private final ModelCall model;
    private final boolean streams;
    private final String modelName;
    private final Duration timeout;
    private final DiagnosisPrompt prompt;
    private final FaultClassifier classifier;
    private final OfflineAnalyst fallback;

    /** The analyst over an OpenAI-compatible endpoint, with the current prompt. */
    public LlmAnalyst(ModelEndpoint endpoint) {
        this(endpoint.call(), endpoint.stream(), endpoint.model(), endpoint.timeout(), DiagnosisPrompt.current(), new FaultClassifier());
    }

    LlmAnalyst(ModelCall model, boolean streams, String modelName, Duration timeout, DiagnosisPrompt prompt,
               FaultClassifier classifier) {
        this.model = Objects.requireNonNull(model, "model");
        this.streams = streams;
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.fallback = new OfflineAnalyst(classifier);
    }

    /** The model's name: what each step records as its analyst. */
    @Override
    public String name() {
        return modelName;
    }

    /** The prompt's version, e.g. {@code diagnosis-v2}. */
    @Override
    public String version() {
        return prompt.version();
    }

    /** Whether the model's replies stream, so that drafts are written while it answers. */
    public boolean streams() {
        return streams;
    }

    @Override
    public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
        return analyse(conversation, evidence, DraftSink.NONE);
    }

    @Override
    public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence, DraftSink drafts) {
        Objects.requireNonNull(conversation, "conversation");
        // secrets in pasted configurations never reach the model
        Map<String, Integer> masked = new java.util.TreeMap<>();
        conversation = SecretMasker.mask(conversation, masked);
        List<Evidence> passages = evidence == null ? List.of() : List.copyOf(evidence);
        Classification classified = classifier.classify(conversation.engineerText());
        int turns = clarificationTurns(conversation);
        Step step = new Step(conversation, passages, classified, turns, drafts == null ? DraftSink.NONE : drafts);
        step.maskedSecrets = Map.copyOf(masked);

        String solveBecause = turns >= MAX_CLARIFICATION_TURNS
                ? "the case has already had " + turns + " clarification turns" : null;
        ModelReply reply = step.ask(solveBecause);
        List<String> questions = List.of();
        if (reply.clarify() && solveBecause == null) {
            questions = newQuestions(reply.questions(), conversation.questionsAlreadyAsked(), step.droppedQuestions);
            if (questions.isEmpty()) {
                solveBecause = "every question worth asking has already been asked";
                reply = step.ask(solveBecause);
            }
        }
        if (reply.clarify() && solveBecause != null) return step.fallBack(solveBecause);

        String category = categoryOf(reply, classified);
        Vendor vendor = vendorOf(reply, classified);
        Map<String, Object> trace = step.trace(reply, category, vendor);
        AnalysisDecision decision;
        if (reply.clarify()) {
            trace.put("decision", "clarify");
            trace.put("questions", questions);
            trace.put("evidenceUsed", List.of());
            decision = new NeedMoreInformation(category, label(vendor), reply.analysis(), questions, Collections.unmodifiableMap(trace));
        } else {
            decision = solution(reply, category, vendor, passages, trace);
        }
        log.debug("llm analysis: model={} prompt={} decision={} category={} vendor={} tokens={}/{} modelLatencyMs={}", modelName,
                prompt.version(), trace.get("decision"), category, label(vendor), step.inputTokens, step.outputTokens, step.latencyMs);
        return decision;
    }

    private ProposedSolution solution(ModelReply reply, String category, Vendor vendor, List<Evidence> passages,
                                      Map<String, Object> trace) {
        Map<String, Evidence> retrieved = new LinkedHashMap<>();
        for (Evidence e : passages) if (e.chunkId() != null) retrieved.putIfAbsent(e.chunkId(), e);
        List<Source> sources = new ArrayList<>();
        List<String> droppedCitations = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (String citation : reply.citations()) {
            String id = citation.strip().replaceAll("^[\\[(`\"']+|[])`\"']+$", "");
            Evidence e = retrieved.get(id);
            if (e == null) droppedCitations.add(citation);
            else if (cited.add(id)) sources.add(new Source(e.chunkId(), e.docId(), e.fileName(), e.location(), e.score()));
        }

        List<String> commands = new ArrayList<>();
        List<Map<String, Object>> droppedCommands = new ArrayList<>();
        for (String written : reply.commands()) {
            String command = DEVICE_PROMPT.matcher(written.strip().replace("`", "").strip()).replaceFirst("").strip();
            if (command.isEmpty() || commands.contains(command)) continue;
            if (CommandSyntax.matchesVendor(command, vendor)) {
                commands.add(command);
            } else {
                Map<String, Object> dropped = new LinkedHashMap<>();
                dropped.put("command", written);
                dropped.put("reason", vendor == null ? "not a display (Huawei/H3C) or show (IOS-style) command"
                        : "not " + vendor.label() + " syntax (" + vendor.cliFamily().name().toLowerCase(Locale.ROOT) + ")");
                droppedCommands.add(dropped);
            }
        }

        trace.put("decision", "solution");
        trace.put("citations", sources.stream().map(Source::chunkId).toList());
        trace.put("droppedCitations", droppedCitations);
        trace.put("droppedCommands", droppedCommands);
        // every command the model proposes is labelled by what running it does, as the offline analyst's are
        trace.put("commandSafety", commands.stream().map(c -> Map.<String, Object>of("command", c,
                "safety", com.ipexpert.analyst.cli.CommandSafety.of(c).label())).toList());
        trace.put("evidenceUsed", sources.stream().map(s -> {
            Map<String, Object> used = new LinkedHashMap<>();
            used.put("chunkId", s.chunkId());
            used.put("score", s.score());
            return used;
        }).toList());
        return new ProposedSolution(category, label(vendor), reply.answer(), sources, commands, Collections.unmodifiableMap(trace));
    }

    /** The model's questions that were not asked before (nor twice in this reply), at most {@value #MAX_QUESTIONS}. */
    static List<String> newQuestions(List<String> proposed, List<String> alreadyAsked, List<Map<String, Object>> dropped) {
        Set<String> seen = alreadyAsked.stream().map(LlmAnalyst::comparable).collect(Collectors.toCollection(HashSet::new));
        List<String> kept = new ArrayList<>();
        for (String question : proposed) {
            String reason = null;
            if (!seen.add(comparable(question))) reason = "already asked";
            else if (kept.size() >= MAX_QUESTIONS) reason = "more than " + MAX_QUESTIONS + " questions";
            if (reason == null) {
                kept.add(question);
            } else {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("question", question);
                d.put("reason", reason);
                dropped.add(d);
            }
        }
        return List.copyOf(kept);
    }

    private static String comparable(String question) {
        return NOT_WORDS.matcher(question.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Turns in which the agent asked something: the limit counts these, not earlier solutions. */
    static int clarificationTurns(CaseConversation conversation) {
        return (int) conversation.turns().stream().filter(t -> !t.questionsAsked().isEmpty()).count();
    }

    /** The model refines the category when it names a known one more specific than "other". */
    private static String categoryOf(ModelReply reply, Classification classified) {
        return FaultCategory.fromLabel(reply.category()).filter(c -> c != FaultCategory.OTHER)
                .map(FaultCategory::label).orElse(classified.categoryName());
    }

    /** The vendor the engineer's text gives away; the model's only when the text gives none. */
    private static Vendor vendorOf(ModelReply reply, Classification classified) {
        return classified.vendor() != null ? classified.vendor() : Vendor.fromLabel(reply.vendor()).orElse(null);
    }

    private static String label(Vendor vendor) {
        return vendor == null ? null : vendor.label();
    }

    /** One analysis step: renders the prompt, calls the model, and keeps the record of every call. */
    private final class Step {
        final CaseConversation conversation;
        final List<Evidence> passages;
        final Classification classified;
        final int turns;
        final DraftSink drafts;
        final List<Map<String, Object>> calls = new ArrayList<>();
        final List<Map<String, Object>> droppedQuestions = new ArrayList<>();
        long inputTokens;
        long outputTokens;
        long latencyMs;
        Map<String, Integer> maskedSecrets = Map.of();

        Step(CaseConversation conversation, List<Evidence> passages, Classification classified, int turns, DraftSink drafts) {
            this.conversation = conversation;
            this.passages = passages;
            this.classified = classified;
            this.turns = turns;
            this.drafts = drafts;
        }

        /** Asks the model to decide, or, with a reason, to propose a solution. */
        ModelReply ask(String solveBecause) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("categories", Arrays.stream(FaultCategory.values()).map(FaultCategory::label).collect(Collectors.joining(", ")));
            values.put("vendors", Arrays.stream(Vendor.values()).map(Vendor::label).collect(Collectors.joining(", ")));
            values.put("conversation", conversationText(conversation));
            values.put("classification", classificationText(classified));
            values.put("evidence", evidenceText(passages));
            values.put("dialect", dialectText(classified.vendor()));
            values.put("asked", bullets(conversation.questionsAlreadyAsked()));
            values.put("turns", String.valueOf(turns));
            values.put("task", solveBecause == null ? prompt.render("task: decide", Map.of())
                    : prompt.render("task: solve", Map.of("reason", solveBecause)));
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(prompt.render("system", values)), UserMessage.from(prompt.render("user", values)))
                    .build();

            long started = System.nanoTime();
            ChatResponse response;
            try {
                response = model.chat(request, new DraftReader(drafts)::feed);
            } catch (RuntimeException e) {
                AnalystFailure failure = e instanceof AnalystFailure f ? f : ModelErrors.failureOf(e, timeout);
                long ms = (System.nanoTime() - started) / 1_000_000;
                latencyMs += ms;
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("task", solveBecause == null ? "decide" : "solve");
                call.put("latencyMs", ms);
                call.put("streamed", streams);
                call.put("failure", failure.getMessage());
                calls.add(call);
                throw failure.withTrace(failureTrace());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            TokenUsage usage = response.tokenUsage();
            Integer in = usage == null ? null : usage.inputTokenCount();
            Integer out = usage == null ? null : usage.outputTokenCount();
            inputTokens += in == null ? 0 : in;
            outputTokens += out == null ? 0 : out;
            latencyMs += ms;
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("task", solveBecause == null ? "decide" : "solve");
            if (solveBecause != null) call.put("because", solveBecause);
            call.put("inputTokens", in);
            call.put("outputTokens", out);
            call.put("latencyMs", ms);
            call.put("streamed", streams);
            call.put("finishReason", response.finishReason() == null ? null : response.finishReason().name().toLowerCase(Locale.ROOT));
            calls.add(call);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            try {
                return ModelReply.parse(text);
            } catch (AnalystFailure unreadable) {
                if (response.finishReason() != FinishReason.LENGTH) throw unreadable.withTrace(failureTrace());
                throw AnalystFailure.retryable(unreadable.getMessage() + "; the reply was cut at the token limit ("
                        + out + " tokens): raise the model's reply limit", null).withTrace(failureTrace());
            }
        }

        /** What a failed step had done: which model and prompt, its calls, and what they cost. */
        Map<String, Object> failureTrace() {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("model", modelName);
            trace.put("promptVersion", prompt.version());
            putCost(trace);
            return trace;
        }

        /** The step's tokens, model latency and calls so far. */
        private void putCost(Map<String, Object> trace) {
            Map<String, Object> tokens = new LinkedHashMap<>();
            tokens.put("input", inputTokens);
            tokens.put("output", outputTokens);
            trace.put("tokens", tokens);
            trace.put("modelLatencyMs", latencyMs);
            trace.put("modelCalls", List.copyOf(calls));
        }

        Map<String, Object> trace(ModelReply reply, String category, Vendor vendor) {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("analyst", modelName);
            trace.put("version", prompt.version());
            trace.put("model", modelName);
            trace.put("promptVersion", prompt.version());
            trace.put("category", category);
            trace.put("vendor", label(vendor));
            Map<String, Object> modelSaid = new LinkedHashMap<>();
            modelSaid.put("category", reply == null ? null : reply.category());
            modelSaid.put("vendor", reply == null ? null : reply.vendor());
            trace.put("modelClassification", modelSaid);
            trace.put("classifier", classified.toTrace());
            trace.put("clarificationTurns", turns);
            putCost(trace);
            trace.put("droppedQuestions", List.copyOf(droppedQuestions));
            if (!maskedSecrets.isEmpty()) trace.put("maskedSecrets", maskedSecrets);
            return trace;
        }

        /** The model kept asking when told to propose a solution: the offline analyst's rules answer instead. */
        AnalysisDecision fallBack(String solveBecause) {
            AnalysisDecision offline = fallback.analyse(conversation, passages);
            Map<String, Object> trace = trace(null, offline.category(), Vendor.fromLabel(offline.vendor()).orElse(null));
            trace.put("decision", offline instanceof NeedMoreInformation ? "clarify" : "solution");
            trace.put("fallback", Map.of("analyst", fallback.name() + " " + fallback.version(),
                    "because", "the model asked again although it had to propose a solution (" + solveBecause + ")"));
            trace.put("offlineTrace", offline.trace());
            Map<String, Object> sealed = Collections.unmodifiableMap(trace);
            if (offline instanceof NeedMoreInformation n) {
                return new NeedMoreInformation(n.category(), n.vendor(), n.analysis(), n.suggestedQuestions(), sealed);
            }
            ProposedSolution s = (ProposedSolution) offline;
            return new ProposedSolution(s.category(), s.vendor(), s.answer(), s.sources(), s.commands(), sealed);
        }
    }

    static String conversationText(CaseConversation conversation) {
        StringBuilder s = new StringBuilder("The engineer's question:\n").append(orNone(conversation.question())).append('\n');
        int step = 1;
        List<String> answers = conversation.engineerAnswers();
        for (int i = 0; i < conversation.turns().size(); i++) {
            CaseConversation.Turn turn = conversation.turns().get(i);
            s.append('\n');
            if (turn.questionsAsked().isEmpty() && turn.answer() == null) {
                s.append("Step ").append(step++).append(", a solution you proposed earlier:\n").append(orNone(turn.analysis())).append('\n');
                continue;
            }
            s.append("Step ").append(step++).append(", your analysis:\n").append(orNone(turn.analysis())).append('\n');
            if (!turn.questionsAsked().isEmpty()) s.append("You asked:\n").append(bullets(turn.questionsAsked())).append('\n');
            // in the engineer's own words: a question of yours quoted in the answer, with its examples, is not a fact
            s.append("The engineer answered:\n").append(orNone(answers.get(i))).append('\n');
        }
        return s.toString().strip();
    }

    static String classificationText(Classification c) {
        StringBuilder s = new StringBuilder("category: ").append(c.categoryName());
        if (!c.categoryKeywords().isEmpty()) s.append(" (from: ").append(String.join(", ", c.categoryKeywords())).append(')');
        s.append("\nvendor: ").append(c.vendorKnown() ? c.vendorName() : "unknown");
        if (c.vendorKnown() && !c.vendorClues().isEmpty()) s.append(" (from: ").append(String.join(", ", c.vendorClues())).append(')');
        return s.toString();
    }

    static String evidenceText(List<Evidence> passages) {
        if (passages.isEmpty()) return "(no passage was retrieved; do not cite anything)";
        StringBuilder s = new StringBuilder();
        for (Evidence e : passages) {
            s.append('[').append(e.chunkId()).append("] ").append(orNone(e.fileName()));
            if (e.location() != null && !e.location().isBlank()) s.append(" — ").append(e.location());
            List<String> about = new ArrayList<>();
            if (e.vendor() != null && !e.vendor().isBlank()) about.add("vendor " + e.vendor());
            if (e.tags() != null && !e.tags().isEmpty()) about.add("tags " + String.join(", ", e.tags()));
            about.add(String.format(Locale.ROOT, "score %.3f", e.score()));
            s.append(" (").append(String.join("; ", about)).append(")\n");
            String text = e.text() == null ? "" : e.text().strip();
            s.append(text.length() > PASSAGE_CHARS ? text.substring(0, PASSAGE_CHARS) + " …" : text).append("\n\n");
        }
        return s.toString().strip();
    }

    private String dialectText(Vendor vendor) {
        if (vendor == null) return prompt.render("dialect: unknown", Map.of());
        String section = "dialect: " + vendor.cliFamily().name().toLowerCase(Locale.ROOT);
        if (!prompt.has(section)) return prompt.render("dialect: unknown", Map.of());
        return prompt.render(section, Map.of("vendor", vendor.label()));
    }

    private static String bullets(List<String> items) {
        if (items.isEmpty()) return "(none)";
        return items.stream().map(i -> "- " + i).collect(Collectors.joining("\n"));
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(nothing)" : s.strip();
    }
}
