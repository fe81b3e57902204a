package com.ipexpert.analyst.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.ipexpert.analyst.AnalystFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision a model wrote, read from its reply: a JSON object, bare or inside a {@code ```json} fence, possibly
 * after some words of preamble. Anything that is not such a decision is an {@link AnalystFailure} worth retrying:
 * models do not answer the same way twice.
 *
 * @param clarify    whether the model asks for more information rather than proposing a solution
 * @param category   the category the model names, as written (may be null or unknown)
 * @param vendor     the vendor the model names, as written (may be null)
 * @param analysis   for a clarification: what the model makes of the case so far
 * @param questions  for a clarification: the questions, as written
 * @param answer     for a solution: the answer
 * @param citations  for a solution: the chunk ids it cites, as written
 * @param commands   for a solution: the commands in order, as written
 */
record ModelReply(boolean clarify, String category, String vendor, String analysis, List<String> questions,
                  String answer, List<String> citations, List<String> commands) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern THINKING = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\R?(.*?)```", Pattern.DOTALL);

    static ModelReply parse(String reply) {
        if (reply == null || reply.isBlank()) throw invalid("the model's reply was empty");
        JsonNode root = readObject(reply);
        if (root == null) throw invalid("the model's reply is not a JSON object (" + reply.length() + " characters)");

        String decision = text(root, "decision");
        // some models leave out the discriminator; the fields say which decision it is
        if (decision == null && root.hasNonNull("answer")) decision = "solution";
        if (decision == null && root.hasNonNull("questions")) decision = "clarify";
        if (decision == null) throw invalid("the model's reply has no \"decision\"");
        String kind = decision.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String category = text(root, "category");
        String vendor = text(root, "vendor");
        switch (kind) {
            case "clarify", "clarification", "need_more_information", "ask", "questions" -> {
                return new ModelReply(true, category, vendor, textOr(root, "analysis", ""), strings(root, "questions"),
                        null, List.of(), List.of());
            }
            case "solution", "solve", "proposed_solution", "answer" -> {
                String answer = text(root, "answer");
                if (answer == null || answer.isBlank()) throw invalid("the model proposed a solution without an \"answer\"");
                List<String> citations = strings(root, "citations");
                if (citations.isEmpty()) citations = strings(root, "sources");
                return new ModelReply(false, category, vendor, null, List.of(), answer.strip(), citations, strings(root, "commands"));
            }
            default -> throw invalid("the model's reply has an unknown decision \"" + abbreviate(decision) + "\"");
        }
    }

    /**
     * The decision object in the reply: the whole reply, a fenced block, or the first object that starts at a brace
     * (what follows it is ignored). A reasoning model's {@code <think>} block is skipped first.
     */
    private static JsonNode readObject(String written) {
        String reply = THINKING.matcher(written).replaceAll("").strip();
        List<String> candidates = new ArrayList<>();
        candidates.add(reply);
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) candidates.add(fence.group(1).strip());
        for (int open = reply.indexOf('{'), tried = 0; open >= 0 && tried < 20; open = reply.indexOf('{', open + 1), tried++) {
            candidates.add(reply.substring(open));
        }
        for (String candidate : candidates) {
            try {
                JsonNode node = JSON.readTree(candidate);
                if (node != null && node.isObject()) return node;
            } catch (JsonProcessingException e) {
                // try the next reading
            }
        }
        return null;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        String value = node.isTextual() ? node.asText() : node.toString();
        return value.isBlank() || value.equalsIgnoreCase("null") || value.equalsIgnoreCase("unknown") ? null : value.strip();
    }

    private static String textOr(JsonNode root, String field, String otherwise) {
        String value = text(root, field);
        return value == null ? otherwise : value;
    }

    /** A list of strings; a single string counts as a list of one, objects as their JSON text. */
    private static List<String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                String value = item.isTextual() ? item.asText() : item.isNull() ? "" : item.toString();
                if (!value.isBlank()) out.add(value.strip());
            }
        } else if (node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText().strip());
        } else if (!node.isTextual()) {
            throw invalid("the model's \"" + field + "\" is not a list");
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static AnalystFailure invalid(String message) {
        return AnalystFailure.retryable(message, null);
    }
}
