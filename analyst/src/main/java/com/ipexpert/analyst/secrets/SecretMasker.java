package com.ipexpert.analyst.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets a pasted configuration carries, before the text reaches a model or becomes an event (events are
 * kept forever): Cisco type 7 passwords and type 5/8/9 secrets, Huawei {@code cipher}/{@code irreversible-cipher}
 * values, Juniper {@code $9$} strings and {@code encrypted-password}, SNMP communities, IKE pre-shared keys,
 * routing-protocol authentication keys, RADIUS/TACACS keys, private keys, and {@code password=}/{@code secret=}
 * pairs. A secret becomes {@code <masked:kind>}, the keyword before it stays, so an engineer and the analyst still
 * read "enable secret 9 <masked:cisco-secret-9>". Masking again is harmless: a masked value is never masked twice.
 */
public final class SecretMasker {

    private SecretMasker() {
    }

    /** The masked text and how many secrets of each kind were masked. */
    public record Masked(String text, Map<String, Integer> kinds) {
        public Masked {
            kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
        }

        public boolean masked() {
            return !kinds.isEmpty();
        }
    }

    private record Rule(String kind, Pattern pattern) {
    }

    private static final String VALUE = "(?!<masked:)(\"[^\"\\n]*\"|'[^'\\n]*'|\\S+)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static Rule rule(String kind, String regex) {
        // never inside a mask already written: "<masked:pre-shared-key>" holds a keyword too
        return new Rule(kind, Pattern.compile("(?<![:\\w-])" + regex, FLAGS));
    }

    /** In order: the most specific first; group 1 is kept, group 2 is the secret. */
    private static final List<Rule> RULES = List.of(
            new Rule("private-key", Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----)([\\s\\S]*?)(?=-----END [A-Z ]*PRIVATE KEY-----)")),
            rule("huawei-cipher", "((?:irreversible-cipher|cipher)\\s+)" + VALUE),
            rule("cisco-secret", "((?:enable\\s+secret|\\bsecret)\\s+(?:[0-9]\\s+)?)" + VALUE),
            rule("cisco-type7", "(\\bpassword\\s+7\\s+)" + VALUE),
            rule("juniper-$9$", "()(\\$9\\$[^\\s\";]+)"),
            rule("juniper-encrypted-password", "(encrypted-password\\s+)" + VALUE),
            rule("pre-shared-key", "((?:crypto\\s+isakmp\\s+key|pre-shared-key(?:\\s+(?:ascii-text|hexadecimal|simple|cipher|local|remote))?|\\bkey\\s+ascii-text|\\bpsk\\s*[=:]?|: PSK)\\s*(?:[0-9]\\s+)?)" + VALUE),
            rule("snmp-community", "((?:snmp-server\\s+community|snmp-agent\\s+community\\s+(?:read|write)(?:\\s+simple)?|snmp\\s+community|set\\s+snmp\\s+community|/snmp\\s+community\\s+(?:add|set)\\s+name=|community\\s+name=)\\s*)" + VALUE),
            rule("authentication-key", "((?:authentication-key|message-digest-key\\s+[0-9]+\\s+md5|key-string|hello-password\\s+\\S+|authentication-mode\\s+(?:md5|hmac-sha256|simple)(?:\\s+[0-9]+)?(?:\\s+plain)?|ip\\s+ospf\\s+authentication-key|(?:tacacs-server|radius-server)\\s+(?:host\\s+\\S+\\s+)?key|\\bkey\\s+[0-9]+\\s+md5)\\s+(?:[0-9]\\s+)?)" + VALUE),
            rule("password", "((?:\\bpassword|\\bpasswd|\\bsecret)\\s*(?:[=:]\\s*|\\s+(?:[0-9]\\s+)?))" + VALUE));

    private static final Pattern MASK_TOKEN = Pattern.compile("<masked:([a-z0-9$-]+)>");

    /** {@code text} with every secret masked, and the kinds masked. Null stays null. */
    public static Masked mask(String text) {
        if (text == null) return new Masked(null, Map.of());
        String out = text;
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                String secret = m.group(2);
                if (secret == null || secret.isBlank() || secret.contains("<masked:") || notASecret(r.kind(), m.group(1), secret)) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                String kind = kindOf(r.kind(), m.group(1));
                String replacement = m.group(1) + (r.kind().equals("private-key") ? "\n<masked:private-key>\n" : "<masked:" + kind + ">");
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
                kinds.merge(kind, 1, Integer::sum);
                any = true;
            }
            m.appendTail(sb);
            if (any) out = sb.toString();
        }
        return new Masked(out, kinds);
    }

    /**
     * The conversation with every secret masked, in the question, the agent's turns and the engineer's answers; the
     * kinds masked now and those masked before (already {@code <masked:...>} in the text) are added to {@code kinds}.
     */
    public static com.ipexpert.analyst.CaseConversation mask(com.ipexpert.analyst.CaseConversation conversation, Map<String, Integer> kinds) {
        maskedIn(conversation.engineerText()).forEach((k, n) -> kinds.merge(k, n, Integer::sum));
        List<com.ipexpert.analyst.CaseConversation.Turn> turns = new ArrayList<>();
        for (var t : conversation.turns()) {
            turns.add(new com.ipexpert.analyst.CaseConversation.Turn(maskInto(t.analysis(), kinds), t.questionsAsked(), maskInto(t.answer(), kinds)));
        }
        return new com.ipexpert.analyst.CaseConversation(maskInto(conversation.question(), kinds), turns);
    }

    private static String maskInto(String text, Map<String, Integer> kinds) {
        Masked m = mask(text);
        m.kinds().forEach((k, n) -> kinds.merge(k, n, Integer::sum));
        return m.text();
    }

    /** The kinds of secrets already masked in {@code text} (by a caller before it), with their counts. */
    public static Map<String, Integer> maskedIn(String text) {
        Map<String, Integer> kinds = new TreeMap<>();
        if (text == null) return kinds;
        Matcher m = MASK_TOKEN.matcher(text);
        while (m.find()) kinds.merge(m.group(1), 1, Integer::sum);
        return kinds;
    }

    /** Every string value of a loose JSON object masked, recursively; kinds added to {@code kinds}. */
    public static Object maskValues(Object value, Map<String, Integer> kinds) {
        if (value instanceof String s) {
            Masked m = mask(s);
            m.kinds().forEach((k, n) -> kinds.merge(k, n, Integer::sum));
            return m.text();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), maskValues(v, kinds)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(maskValues(v, kinds)));
            return out;
        }
        return value;
    }

    private static String kindOf(String rule, String keyword) {
        if (!rule.equals("cisco-secret")) return rule;
        Matcher m = Pattern.compile("([0-9])\\s*$").matcher(keyword);
        return m.find() ? "cisco-secret-" + m.group(1) : "cisco-secret";
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("cipher", "irreversible-cipher", "simple", "plain",
            "encrypted-password", "md5", "hmac-sha256", "hmac-md5", "recovery", "expire", "policy", "mismatch", "is", "ascii-text",
            "required", "authentication", "-", "read", "write", "ro", "rw", "sha", "mode", "auth", "level");

    /**
     * A keyword where a value might be ("password irreversible-cipher ...", "snmp-agent community read cipher"), or,
     * after a bare "password"/"secret" in prose, a plain word: "the secret key", "no password configured" are not
     * secrets. A value after "=" or ":", or after a type digit, always is.
     */
    private static boolean notASecret(String kind, String keyword, String value) {
        String v = value.toLowerCase().replace("\"", "");
        if (kind.equals("private-key")) return false;
        if (KEYWORDS.contains(v) || v.matches("[0-9]")) return true;
        boolean generic = kind.equals("password") || kind.equals("cisco-secret");
        boolean typed = keyword.matches("(?s).*([=:]|[0-9])\\s*$");
        if (generic && !typed) {
            boolean letters = value.chars().allMatch(Character::isLetter);
            boolean mixed = !value.equals(value.toLowerCase()) && !value.equals(value.toUpperCase());
            return letters && !mixed;
        }
        return false;
    }
}
