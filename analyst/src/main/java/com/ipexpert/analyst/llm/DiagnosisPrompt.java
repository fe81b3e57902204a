package com.ipexpert.analyst.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt read from a classpath resource ({@code prompts/diagnosis-v2.md}): front matter with its
 * {@code version}, then named sections ({@code <!-- system -->}, {@code <!-- user -->}, {@code <!-- task: solve -->},
 * ...) whose {@code {{placeholders}}} are filled in one pass, so text from a case that happens to contain
 * {@code {{...}}} is never expanded. Immutable and thread-safe.
 */
public final class DiagnosisPrompt {

    /** The prompt the LLM analyst uses unless told otherwise. */
    public static final String CURRENT = "prompts/diagnosis-v2.md";

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
    private static final Pattern SECTION = Pattern.compile("^<!-- ([a-z]+(?:: [a-z]+)?) -->\\R", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String resource;
    private final String version;
    private final Map<String, String> sections;

    private DiagnosisPrompt(String resource, String version, Map<String, String> sections) {
        this.resource = resource;
        this.version = version;
        this.sections = sections;
    }

    public static DiagnosisPrompt current() {
        return load(CURRENT);
    }

    /** Reads and checks a prompt resource: it must declare its version and have system, user and task sections. */
    public static DiagnosisPrompt load(String resource) {
        String text;
        try (InputStream in = DiagnosisPrompt.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("prompt resource not found: " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
        return parse(resource, text);
    }

    static DiagnosisPrompt parse(String resource, String text) {
        Matcher front = FRONT_MATTER.matcher(text);
        if (!front.find()) throw new IllegalStateException(resource + ": no front matter");
        String version = null;
        for (String line : front.group(1).split("\\R")) {
            if (line.startsWith("version:")) version = line.substring("version:".length()).strip();
        }
        if (version == null || version.isEmpty()) throw new IllegalStateException(resource + ": front matter has no version");

        Map<String, String> sections = new LinkedHashMap<>();
        String body = text.substring(front.end());
        Matcher m = SECTION.matcher(body);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) sections.put(name, body.substring(start, m.start()).strip());
            name = m.group(1);
            start = m.end();
        }
        if (name != null) sections.put(name, body.substring(start).strip());
        for (String required : new String[]{"system", "user", "task: decide", "task: solve", "dialect: display",
                "dialect: show", "dialect: junos", "dialect: unknown"}) {
            if (!sections.containsKey(required)) throw new IllegalStateException(resource + ": no section '" + required + "'");
        }
        return new DiagnosisPrompt(resource, version, Map.copyOf(sections));
    }

    /** The version recorded with every step this prompt produced, e.g. {@code diagnosis-v2}. */
    public String version() {
        return version;
    }

    public String resource() {
        return resource;
    }

    /** Whether the prompt has a section of this name. */
    public boolean has(String section) {
        return sections.containsKey(section);
    }

    /** The named section with its placeholders filled; a placeholder without a value is an error in the prompt. */
    public String render(String section, Map<String, String> values) {
        String template = sections.get(section);
        if (template == null) throw new IllegalArgumentException(resource + ": no section '" + section + "'");
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException(resource + ": no value for {{" + m.group(1) + "}} in '" + section + "'");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "DiagnosisPrompt[" + Objects.requireNonNullElse(version, "?") + " from " + resource + "]";
    }
}
