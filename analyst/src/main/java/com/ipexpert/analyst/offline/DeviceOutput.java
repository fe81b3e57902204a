package com.ipexpert.analyst.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts read from device output the engineer pasted ({@code display ...}, {@code show ...}, {@code vtysh -c ...},
 * logs): neighbour states, MTUs, timers, error counters, optical power, versions, redundancy states. Each fact keeps
 * the line it was read from, so a solution can cite it. Only lines that match a known shape become facts; anything
 * else stays text, so an unknown device's output yields no invented fact. At most {@value #MAX_PARSED_CHARS}
 * characters are read; the rest is counted and left unread, and the step says so.
 */
record DeviceOutput(List<Fact> facts, int chars, int parsedChars, boolean truncated) {

    static final int MAX_PARSED_CHARS = 64 * 1024;
    static final int MAX_FACTS = 60;

    /** One fact: its kind ("mtu", "ospf-state", ...), what it is about (an interface, a peer; may be null), its value, the line. */
    record Fact(String kind, String subject, String value, String line) {
        Map<String, Object> toTrace() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            if (subject != null) m.put("subject", subject);
            m.put("value", value);
            m.put("line", line);
            return m;
        }
    }

    private static final String B = "(?<![A-Za-z0-9_])";
    private static final String E = "(?![A-Za-z0-9_])";
    private static final Pattern IFACE = Pattern.compile(B + "((?:Ten-|X|25|40|100)?GigabitEthernet\\s?[0-9]+(?:/[0-9]+){1,3}(?:\\.[0-9]+)?"
            + "|(?:XGE|GE|10GE|25GE|40GE|100GE)[0-9]+(?:/[0-9]+){1,3}|(?:Ethernet|Eth)[0-9]+(?:/[0-9]+){0,3}|(?:Gi|Te|Hu|Fo)[0-9]+(?:/[0-9]+){1,3}"
            + "|(?:ge|xe|et)-[0-9]+/[0-9]+/[0-9]+(?:\\.[0-9]+)?|(?:gei|xgei)[-_][0-9]+(?:/[0-9]+){1,3}|Vlan-?interface[0-9]+|Vlanif[0-9]+|Vlan[0-9]+"
            + "|eth[0-9]+|ens[0-9]+[a-z0-9]*|enp[0-9]+s[0-9]+[a-z0-9]*|ether[0-9]+|sfp-sfpplus[0-9]+|port [0-9]+/[0-9]+/[0-9]+|vlan[0-9]+)" + E,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])((?:[0-9]{1,3}\\.){3}[0-9]{1,3})(?![0-9.])");

    private static final Pattern MTU = Pattern.compile("(?i)(?:maximum transmit unit is|" + B + "(?:ip )?mtu" + E + "\\s*(?:is|=|:|为|是)?\\s*)\\s*([0-9]{3,5})" + E
            + "|" + B + "MTU ([0-9]{3,5}) bytes");
    private static final Pattern OSPF_STATE = Pattern.compile(B + "(ExStart|EXSTART|ExchStart|Exchange|EXCHANGE|Loading|LOADING|Init|INIT|2-?Way|2WAY|Full|FULL|Attempt|Down|DOWN)(?:/[A-Z-]+)?" + E);
    private static final Pattern BGP_ROW = Pattern.compile("^\\s*((?:[0-9]{1,3}\\.){3}[0-9]{1,3}|[0-9a-fA-F:]+::?[0-9a-fA-F:]*)\\s+(?:4\\s+)?([0-9]{1,10})\\s+.*?" + B
            + "(Idle(?:\\s?\\([A-Za-z]+\\))?|Active|Connect|OpenSent|OpenConfirm|Established|\\(Policy\\)|[0-9]+)\\s*(?:\\S+\\s*)?$");
    private static final Pattern BGP_STATE_WORD = Pattern.compile(B + "(?:BGP state|State)\\s*(?:=|:|is)?\\s*(Idle|Active|Connect|OpenSent|OpenConfirm|Established)" + E, Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMERS = Pattern.compile("(?i)hello\\s*(?:interval)?\\s*(?:=|:)?\\s*([0-9]{1,5})\\s*(?:s|sec|seconds)?\\s*[,，]?\\s*dead\\s*(?:interval)?\\s*(?:=|:)?\\s*([0-9]{1,5})");
    private static final Pattern CRC = Pattern.compile("(?i)([0-9]+)\\s+CRC" + E + "|" + B + "CRC\\s*(?:errors?)?\\s*[:=]\\s*([0-9]+)|([0-9]+)\\s+input errors|FCS errors?\\s*[:=]?\\s*([0-9]+)");
    private static final Pattern RX_POWER = Pattern.compile("(?i)(?:rx|receive|receiver)[^\\n]{0,40}?(-?[0-9]+(?:\\.[0-9]+)?)\\s*dBm");
    private static final Pattern VERSION = Pattern.compile("(?i)(VRP \\(R\\) software, Version [^\\s,]+|Cisco IOS[- ]XE Software, Version [^\\s,]+|Cisco IOS Software.*Version [^\\s,]+|NXOS: version [^\\s,]+|Junos: [^\\s,]+"
            + "|FRRouting [0-9][^\\s,]*|Quagga [0-9][^\\s,]*|Arista [^\\n]*EOS[- ]?[0-9][^\\s,]*|TiMOS-[^\\s,]+|RouterOS v?[0-9][^\\s,]*|Comware Software, Version [^\\s,]+)");
    private static final Pattern REDUNDANCY = Pattern.compile("(?i)(?:state\\s*(?:is|:|=)?\\s*|" + B + ")(Master|Backup|Initialize|Active|Standby|Speak|Listen)" + E + "(?=.*(?:vrrp|hsrp|vrid|group|virtual|standby|$))");
    private static final Pattern REDUNDANCY_CONTEXT = Pattern.compile("(?i)vrrp|hsrp|standby|vrid|virtual ip|virtual-ip");
    private static final Pattern STP_ROOT = Pattern.compile("(?i)root (?:id|bridge)[^\\n]{0,20}?priority\\s*:?\\s*([0-9]{1,5})");
    private static final Pattern LOG_LINE = Pattern.compile("%[A-Z0-9_]+-[0-7]-[A-Z0-9_]+[^\\n]{0,160}|" + B + "[A-Z][A-Z0-9_]+/[0-7]/[A-Z][A-Za-z0-9_]+[^\\n]{0,160}|" + B + "(?:RPD|KMD|CHASSISD)_[A-Z_]+[^\\n]{0,160}");

    static DeviceOutput read(String text) {
        String t = text == null ? "" : text;
        boolean truncated = t.length() > MAX_PARSED_CHARS;
        String parsed = truncated ? t.substring(0, MAX_PARSED_CHARS) : t;
        List<Fact> facts = new ArrayList<>();
        String previousIface = null;
        for (String raw : parsed.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            String iface = firstIface(line);
            String subject = iface != null ? iface : previousIface;
            Matcher m = MTU.matcher(line);
            while (m.find()) {
                String v = m.group(1) != null ? m.group(1) : m.group(2);
                add(facts, new Fact("mtu", subject, v, line));
            }
            m = TIMERS.matcher(line);
            if (m.find()) add(facts, new Fact("hello-dead", subject, m.group(1) + "/" + m.group(2), line));
            m = CRC.matcher(line);
            while (m.find()) {
                String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                String kind = m.group(3) != null ? "input-errors" : "crc-errors";
                add(facts, new Fact(kind, subject, v, line));
            }
            m = RX_POWER.matcher(line);
            if (m.find()) add(facts, new Fact("rx-power-dbm", subject, m.group(1), line));
            m = VERSION.matcher(line);
            if (m.find()) add(facts, new Fact("version", null, m.group(1), line));
            m = BGP_ROW.matcher(line);
            if (m.find()) {
                String state = m.group(3);
                add(facts, new Fact("bgp-peer", m.group(1), state.matches("[0-9]+") ? "Established (" + state + " prefixes)" : state + " (AS " + m.group(2) + ")", line));
            } else {
                m = BGP_STATE_WORD.matcher(line);
                if (m.find() && line.toLowerCase(Locale.ROOT).contains("bgp")) add(facts, new Fact("bgp-peer", firstIpv4(line), m.group(1), line));
            }
            if (!line.startsWith("%") && (IPV4.matcher(line).find() || iface != null || line.contains(" to-")) && !LOG_LINE.matcher(line).find()) {
                m = OSPF_STATE.matcher(line);
                if (m.find() && !BGP_ROW.matcher(line).find() && looksLikeNeighbourRow(line)) add(facts, new Fact("neighbour-state", neighbourOf(line), m.group(1), line));
            }
            if (REDUNDANCY_CONTEXT.matcher(line).find() || line.matches("(?i)^\\s*(vlan|vlanif)[0-9].*")) {
                m = REDUNDANCY.matcher(line);
                if (m.find()) add(facts, new Fact("redundancy-state", subject, m.group(1), line));
            }
            m = STP_ROOT.matcher(line);
            if (m.find()) add(facts, new Fact("stp-root-priority", null, m.group(1), line));
            m = LOG_LINE.matcher(line);
            if (m.find()) add(facts, new Fact("log", null, m.group().strip(), line));
            if (iface != null) previousIface = iface;
        }
        return new DeviceOutput(List.copyOf(facts), t.length(), parsed.length(), truncated);
    }

    /** A row of a neighbour table: an address or interface, then a state word, not a prose sentence. */
    private static boolean looksLikeNeighbourRow(String line) {
        long words = line.chars().filter(ch -> ch == ' ').count();
        return words >= 2 && !line.matches("(?i).*\\b(the|is|are|was|never|stays|stuck|does|not|卡在|一直)\\b.*")
                && !line.matches(".*[\\u4e00-\\u9fff].*");
    }

    private static void add(List<Fact> facts, Fact fact) {
        if (facts.size() < MAX_FACTS && !facts.contains(fact)) facts.add(fact);
    }

    private static String firstIface(String line) {
        Matcher m = IFACE.matcher(line);
        return m.find() ? m.group(1).replace(" ", "") : null;
    }

    /**
     * The neighbour a row of a neighbour table names: its first address that is not an area id (Huawei and H3C list
     * the area, 0.0.0.0 or 0.0.0.n, before the router id; no router id or peer address starts with 0).
     */
    private static String neighbourOf(String line) {
        Matcher m = IPV4.matcher(line);
        String first = null;
        while (m.find()) {
            if (first == null) first = m.group(1);
            if (!m.group(1).startsWith("0.")) return m.group(1);
        }
        return first;
    }

    private static String firstIpv4(String line) {
        Matcher m = IPV4.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    List<Fact> ofKind(String kind) {
        return facts.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    /** Two MTU facts of different values, or null: the pair a mismatch cites. */
    List<Fact> mtuMismatch() {
        List<Fact> mtus = ofKind("mtu");
        for (int i = 0; i < mtus.size(); i++) {
            for (int j = i + 1; j < mtus.size(); j++) {
                if (!mtus.get(i).value().equals(mtus.get(j).value())) return List.of(mtus.get(i), mtus.get(j));
            }
        }
        return null;
    }

    /** Two hello/dead facts of different values, or null. */
    List<Fact> timerMismatch() {
        List<Fact> t = ofKind("hello-dead");
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                if (!t.get(i).value().equals(t.get(j).value())) return List.of(t.get(i), t.get(j));
            }
        }
        return null;
    }

    Map<String, Object> toTrace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facts", facts.stream().map(Fact::toTrace).toList());
        m.put("chars", chars);
        m.put("parsedChars", parsedChars);
        m.put("limit", MAX_PARSED_CHARS);
        if (truncated) m.put("note", "only the first " + MAX_PARSED_CHARS + " of " + chars + " characters were read for facts");
        return m;
    }
}
