package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.AnalysisDecision;
import com.ipexpert.analyst.AnalysisDecision.NeedMoreInformation;
import com.ipexpert.analyst.AnalysisDecision.ProposedSolution;
import com.ipexpert.analyst.AnalysisDecision.Source;
import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.CaseConversation;
import com.ipexpert.analyst.Evidence;
import com.ipexpert.analyst.classification.Classification;
import com.ipexpert.analyst.classification.FaultCategory;
import com.ipexpert.analyst.classification.FaultClassifier;
import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.cli.CommandSafety;
import com.ipexpert.analyst.secrets.SecretMasker;
import com.ipexpert.analyst.offline.ClarificationPlan.Missing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analyst that works without a language model: deterministic rules over the engineer's text and the
 * retrieved passages. It classifies the fault and the vendor, asks for what a diagnosis still lacks (the vendor
 * and model, the observed symptoms, what was already checked) and then proposes the likely causes with the
 * commands to run in the vendor's own syntax, citing the passages that bear on the case.
 *
 * <p>When to stop asking: it proposes a solution as soon as the vendor is known and the symptoms are concrete;
 * after the engineer has answered a clarification with anything of substance; when every question it could ask
 * has been asked; and at the latest after {@value #MAX_CLARIFICATION_TURNS} clarification turns, with what it has.
 * With the vendor still unknown, every command comes in its {@code display} (Huawei/H3C) and its IOS-style
 * {@code show} spelling, one after the other. Stateless and thread-safe.
 */
public final class OfflineAnalyst implements Analyst {

    public static final String NAME = "offline";
    /** Bumped whenever a rule, a playbook or a threshold changes, so audits can tell which rules produced a step. */
    public static final String VERSION = "offline-rules-2";
    public static final int MAX_CLARIFICATION_TURNS = 2;

    private static final Logger log = LoggerFactory.getLogger(OfflineAnalyst.class);

    /** Answers that say nothing: the engineer does not know, or has nothing to add. */
    private static final Pattern NOTHING_SAID = Pattern.compile(
            "^[\\s\\p{P}]*(不知道|不清楚|不确定|不了解|不晓得|没有|无|没|暂无|不方便|不记得|忘了|no idea|i don'?t know|don'?t know|not sure|unknown|n/?a|none|no|nope|idk|\\?+)[\\s\\p{P}]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final FaultClassifier classifier;
    private final EvidenceRelevance evidenceRelevance;

    public OfflineAnalyst() {
        this(new FaultClassifier());
    }

    public OfflineAnalyst(FaultClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.evidenceRelevance = new EvidenceRelevance(classifier);
        warmUp();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The first step of a process loads every playbook, platform table and pattern (over a second on a busy machine):
     * done once when the first analyst is built, at start-up, not inside the first case's deadline.
     */
    private void warmUp() {
        if (!WARM.compareAndSet(false, true)) return;
        analyse(new CaseConversation("华为 OSPF 邻居卡在 ExStart，MTU 1500 vs 9000\nGigabitEthernet0/0/1 The Maximum Transmit Unit is 1500",
                List.of(new CaseConversation.Turn("warm-up", List.of(), "not checked yet"))), List.of());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** The classifier this analyst reads cases with, for callers that want the same category on their side. */
    public FaultClassifier classifier() {
        return classifier;
    }

    @Override
    public AnalysisDecision analyse(CaseConversation conversation, List<Evidence> evidence) {
        Objects.requireNonNull(conversation, "conversation");
        Map<String, Integer> masked = new java.util.TreeMap<>();
        CaseConversation said = SecretMasker.mask(conversation, masked);
        String text = said.engineerText();
        Classification classification = classifier.classify(text);
        Playbook playbook = Playbooks.forCategory(classification.category());
        Language language = Language.of(text);
        List<Finding> pointedAt = pointedAt(playbook, text);
        // the catch-all playbook's causes ("ping fails") are too generic to count as a concrete symptom
        DeviceOutput output = DeviceOutput.read(text);
        CaseFacts facts = CaseFacts.of(text).withFindingClues(classification.category() == FaultCategory.OTHER ? List.of()
                : pointedAt.stream().map(Finding::id).toList());
        if (!output.facts().isEmpty()) facts = facts.withFindingClues(List.of("pasted output"));
        List<Hypotheses.Hypothesis> hypotheses = Hypotheses.weigh(playbook, pointedAt, text, output);
        int turns = conversation.turns().size();
        Set<Missing> missing = missing(classification, facts);
        List<EvidenceRelevance.Judged> judged = evidenceRelevance.judge(evidence, text, classification.category(), classification.vendor());

        Map<String, Object> trace = baseTrace(classification, language, facts, turns, missing, judged);
        boolean nxos = classification.vendor() == Vendor.CISCO && PlatformDialects.nxosIn(text);
        trace.put("platform", platform(classification.vendor(), nxos));
        trace.put("deviceOutput", output.toTrace());
        if (!masked.isEmpty()) trace.put("maskedSecrets", masked);
        trace.put("hypotheses", hypotheses.stream().map(Hypotheses.Hypothesis::toTrace).toList());
        VendorCommand.Placeholders placeholders = facts.placeholders(text);
        trace.put("identifiers", placeholders.toTrace());

        String solveBecause = null;
        if (turns >= MAX_CLARIFICATION_TURNS) solveBecause = "clarification limit reached (" + turns + " turns)";
        else if (!missing.contains(Missing.VENDOR) && !missing.contains(Missing.SYMPTOMS)) solveBecause = "vendor known and symptoms concrete";
        else if (turns > 0 && saidSomething(said.engineerAnswers().get(turns - 1))) solveBecause = "engineer answered the last clarification";

        List<String> questions = List.of();
        if (solveBecause == null) {
            questions = ClarificationPlan.questions(playbook, pointedAt, classification.vendor(), missing, language,
                    conversation.questionsAlreadyAsked());
            if (questions.isEmpty()) solveBecause = "every question worth asking was already asked";
        }

        AnalysisDecision decision = solveBecause == null
                ? clarify(classification, facts, language, missing, questions, trace)
                : solve(playbook, classification, facts, language, text, pointedAt, hypotheses, missing, judged, solveBecause, trace,
                placeholders, nxos, output);
        log.debug("offline analysis: category={} vendor={} decision={} rule={}", classification.categoryName(),
                classification.vendorName(), trace.get("decision"), trace.get("rule"));
        return decision;
    }

    private NeedMoreInformation clarify(Classification c, CaseFacts facts, Language language, Set<Missing> missing,
                                        List<String> questions, Map<String, Object> trace) {
        trace.put("decision", "clarify");
        trace.put("rule", "clarify: missing " + String.join(", ", missing.stream().map(m -> m.description).toList()));
        trace.put("questions", questions);
        trace.put("evidenceUsed", List.of());
        return new NeedMoreInformation(c.categoryName(), c.vendorName(), analysisText(c, facts, language, missing),
                questions, Collections.unmodifiableMap(trace));
    }

    private ProposedSolution solve(Playbook playbook, Classification c, CaseFacts facts, Language language, String text,
                                   List<Finding> pointedAt, List<Hypotheses.Hypothesis> hypotheses, Set<Missing> missing,
                                   List<EvidenceRelevance.Judged> judged, String because, Map<String, Object> trace,
                                   VendorCommand.Placeholders placeholders, boolean nxos, DeviceOutput output) {
        List<String> stillMissing = new ArrayList<>();
        boolean zh = language == Language.CHINESE;
        if (missing.contains(Missing.VENDOR)) stillMissing.add(zh ? "设备厂商和型号" : "the vendor and model");
        if (missing.contains(Missing.SYMPTOMS)) stillMissing.add(zh ? "具体现象（状态、报错、日志）" : "the observed symptoms (state, errors, logs)");
        SolutionComposer.Solution solution = SolutionComposer.compose(playbook, c, facts, language, hypotheses, pointedAt.isEmpty(),
                judged, stillMissing, placeholders, nxos, output, text);

        List<Source> sources = judged.stream().filter(EvidenceRelevance.Judged::cited)
                .map(EvidenceRelevance.Judged::evidence)
                .sorted(Comparator.comparingDouble(Evidence::score).reversed().thenComparing(e -> String.valueOf(e.chunkId())))
                .map(e -> new Source(e.chunkId(), e.docId(), e.fileName(), e.location(), e.score()))
                .toList();

        trace.put("decision", "solve");
        trace.put("rule", "solve: " + because);
        trace.put("findings", solution.findings());
        trace.put("findingsRuledOutByEngineer", solution.findingsRuledOut());
        trace.put("commonCausesOnly", solution.commonCausesOnly());
        trace.put("commandDialect", c.vendor() == null ? "display (Huawei/H3C) and show (Cisco-style), vendor unknown"
                : c.vendor().label() + " (" + (nxos ? "nx-os" : c.vendor().cliFamily().label()) + ")");
        trace.put("commandsFromEvidence", solution.commandsFromEvidence());
        trace.put("commandSafety", solution.commands().stream().map(cmd -> Map.<String, Object>of("command", cmd,
                "safety", CommandSafety.of(cmd).label())).toList());
        trace.put("changes", solution.changes().stream().map(SolutionComposer.Change::toTrace).toList());
        trace.put("rootCause", rootCause(c, hypotheses, placeholders, nxos));
        List<Map<String, Object>> used = new ArrayList<>();
        for (Source s : sources) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("chunkId", s.chunkId());
            u.put("score", s.score());
            used.add(u);
        }
        trace.put("evidenceUsed", used);
        return new ProposedSolution(c.categoryName(), c.vendorName(), solution.answer(), sources, solution.commands(),
                Collections.unmodifiableMap(trace));
    }

    /**
     * The likely fault as (device, component, fault type), beside the prose: the leading cause that is not ruled out,
     * on the device the engineer diagnoses, at the interface or peer they named; {@code status} says whether the
     * evidence confirmed it or it is the most likely of the open ones.
     */
    static Map<String, Object> rootCause(Classification c, List<Hypotheses.Hypothesis> hypotheses, VendorCommand.Placeholders ids, boolean nxos) {
        Map<String, Object> root = new LinkedHashMap<>();
        Hypotheses.Hypothesis lead = hypotheses.stream().filter(h -> h.status() != Hypotheses.Status.RULED_OUT).findFirst().orElse(null);
        root.put("device", platform(c.vendor(), nxos));
        String component = ids.iface() != null ? "interface " + ids.iface() : ids.peer() != null ? "peer " + ids.peer()
                : c.category() == FaultCategory.OTHER ? null : c.categoryName();
        root.put("component", component);
        if (lead == null) {
            root.put("faultType", null);
            root.put("status", "unknown");
            return root;
        }
        root.put("faultType", lead.finding().id());
        root.put("status", lead.status() == Hypotheses.Status.CONFIRMED ? "confirmed" : "likely");
        String en = lead.finding().en();
        int stop = en.indexOf(": ");
        root.put("summary", stop > 0 && stop < 80 ? en.substring(0, stop) : en.substring(0, Math.min(80, en.length())));
        root.put("because", lead.because());
        return root;
    }

    static String platform(Vendor vendor, boolean nxos) {
        if (vendor == null) return null;
        if (nxos) return "Cisco NX-OS";
        return switch (vendor) {
            case HUAWEI -> "Huawei VRP";
            case H3C -> "H3C Comware";
            case CISCO -> "Cisco IOS/IOS-XE";
            case JUNIPER -> "Juniper Junos";
            case ZTE -> "ZTE ZXROS";
            case RUIJIE -> "Ruijie RGOS";
            case FRROUTING -> "FRRouting (vtysh)";
            case LINUX -> "Linux";
            case ARISTA -> "Arista EOS";
            case NOKIA -> "Nokia SR OS";
            case MIKROTIK -> "MikroTik RouterOS";
        };
    }

    /** The playbook's causes the text points at, those with the most distinct clues first, playbook order on a tie. */
    static List<Finding> pointedAt(Playbook playbook, String text) {
        record Hit(Finding finding, int clues, int order) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < playbook.findings().size(); i++) {
            Finding f = playbook.findings().get(i);
            Matcher m = f.trigger().matcher(text);
            Set<String> distinct = new HashSet<>();
            while (m.find()) distinct.add(m.group().toLowerCase(Locale.ROOT));
            if (!distinct.isEmpty()) hits.add(new Hit(f, distinct.size(), i));
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.clues()).thenComparingInt(Hit::order));
        return hits.stream().map(Hit::finding).toList();
    }

    private static Set<Missing> missing(Classification c, CaseFacts facts) {
        Set<Missing> missing = EnumSet.noneOf(Missing.class);
        if (!c.vendorKnown()) missing.add(Missing.VENDOR);
        if (!facts.symptomDetail()) missing.add(Missing.SYMPTOMS);
        if (!facts.checksDone()) missing.add(Missing.CHECKS);
        return missing;
    }

    static boolean saidSomething(String answer) {
        return answer != null && !answer.isBlank() && !NOTHING_SAID.matcher(answer.strip()).matches();
    }

    private static String analysisText(Classification c, CaseFacts facts, Language language, Set<Missing> missing) {
        boolean zh = language == Language.CHINESE;
        StringBuilder s = new StringBuilder();
        List<String> why = c.categoryKeywords().stream().limit(4).toList();
        if (c.category() == FaultCategory.OTHER) {
            s.append(zh ? "暂时无法判断故障类别" : "The fault category is not clear yet");
        } else {
            s.append(zh ? "初步判断为 " + c.categoryName() + " 类故障" : "Likely fault category: " + c.categoryName());
            if (!why.isEmpty()) s.append(zh ? "（依据：" + String.join("、", why) + "）" : " (from: " + String.join(", ", why) + ")");
        }
        s.append(zh ? "；设备厂商：" : "; vendor: ").append(SolutionComposer.vendorPhrase(c.vendor(), zh));
        if (c.vendorKnown() && !c.vendorClues().isEmpty()) {
            String clue = c.vendorClues().get(0);
            s.append(zh ? "（依据：" : " (from: ").append(clue.substring(clue.indexOf(": ") + 2)).append(zh ? "）" : ")");
        }
        s.append(zh ? "。" : ". ");
        List<String> known = facts.observations().stream().limit(3).toList();
        if (!known.isEmpty()) s.append(zh ? "已了解的现象：" + String.join("、", known) + "。" : "Known so far: " + String.join(", ", known) + ". ");
        List<String> lacking = new ArrayList<>();
        for (Missing m : missing) {
            lacking.add(switch (m) {
                case VENDOR -> zh ? "设备厂商和型号" : "the vendor and model";
                case SYMPTOMS -> zh ? "具体现象（协议状态、报错信息、日志）" : "the observed symptoms (protocol state, error messages, logs)";
                case CHECKS -> zh ? "已经做过的检查" : "what was already checked";
            });
        }
        if (!lacking.isEmpty()) s.append(zh ? "还缺少：" + String.join("、", lacking) + "。" : "Missing: " + String.join(", ", lacking) + ".");
        return s.toString().strip();
    }

    private Map<String, Object> baseTrace(Classification c, Language language, CaseFacts facts, int turns, Set<Missing> missing,
                                          List<EvidenceRelevance.Judged> judged) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("analyst", NAME);
        trace.put("version", VERSION);
        trace.put("category", c.categoryName());
        trace.put("vendor", c.vendorName());
        trace.put("language", language.code());
        Map<String, Object> scores = c.toTrace();
        trace.put("categoryScores", scores.get("categoryScores"));
        trace.put("vendorScores", scores.get("vendorScores"));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("symptomScore", facts.symptomScore());
        f.put("symptomClues", facts.symptomClues());
        f.put("observations", facts.observations());
        f.put("checksDone", facts.checksDone());
        f.put("interfaces", facts.interfaces());
        f.put("addresses", facts.addresses());
        trace.put("facts", f);
        trace.put("clarificationTurns", turns);
        trace.put("missing", missing.stream().map(m -> m.description).toList());
        trace.put("evidence", judged.stream().map(EvidenceRelevance.Judged::toTrace).toList());
        return trace;
    }
}
