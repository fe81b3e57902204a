package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.FaultCategory;
import com.ipexpert.analyst.classification.Vendor;
import com.ipexpert.analyst.classification.Vendor.CliFamily;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the platforms beyond the six speak the playbooks' commands. Arista EOS and FRRouting's vtysh take the IOS-style
 * spelling (EOS with a few words of its own; vtysh for the routing daemons only, Linux for the rest); Cisco NX-OS
 * differs from IOS in a few show commands; Linux, Nokia SR OS and MikroTik RouterOS have trees of their own, read
 * from {@code platforms/commands.tsv} (per family and category: the checks, and the change with its rollback).
 */
final class PlatformDialects {

    private PlatformDialects() {
    }

    /** A platform change and the command that undoes it. */
    record Fix(String change, String rollback) {
    }

    private record Table(Map<String, List<String>> checks, Map<String, List<Fix>> fixes) {
    }

    private static final Table TABLE = load();

    private static final Pattern VTYSH_ROUTING = Pattern.compile(
            "^(show (ip |ipv6 )?(ospf|bgp|isis|route|protocols|mpls|ldp|pim|rip)|show running-config|show bgp|show isis|show mpls|show ip route|clear ip (ospf|bgp)|clear bgp|clear isis)(\\s.*)?$");

    /** The table's read-only checks of {@code family} for {@code category}, or an empty list. */
    static List<String> checks(CliFamily family, FaultCategory category) {
        return TABLE.checks().getOrDefault(key(family, category), List.of());
    }

    /** The table's changes (with rollback) of {@code family} for {@code category}, or an empty list. */
    static List<Fix> fixes(CliFamily family, FaultCategory category) {
        return TABLE.fixes().getOrDefault(key(family, category), List.of());
    }

    /** Whether the playbooks' commands are spoken on this platform after {@link #adapt}; else the table's are used. */
    static boolean speaksPlaybooks(Vendor vendor) {
        return vendor == null || switch (vendor.cliFamily()) {
            case DISPLAY, SHOW, JUNOS, EOS, FRR -> true;
            case LINUX, SROS, ROUTEROS -> false;
        };
    }

    /** {@code ios} (an IOS-style line) as Arista EOS types it. */
    static String eos(String ios) {
        if (ios == null) return null;
        return ios.replace("show processes cpu sorted", "show processes top once")
                .replace("show interfaces status err-disabled", "show interfaces status errdisabled")
                .replace("show ip nat translations", "show ip nat translation");
    }

    /** {@code ios} as FRRouting runs it: a routing command through vtysh, anything else not at all (the Linux table answers). */
    static String vtysh(String ios) {
        if (ios == null) return null;
        String c = ios.strip();
        if (c.contains(" ; ")) {
            // a configuration: each line one -c, inside configure terminal
            StringBuilder s = new StringBuilder("vtysh -c \"configure terminal\"");
            for (String line : c.split(" ; ")) {
                if (line.matches("(?i)(interface .*|mtu .*)") && c.toLowerCase().contains(" mtu ")) return null;
                s.append(" -c \"").append(line.strip()).append('"');
            }
            return s.toString();
        }
        if (!VTYSH_ROUTING.matcher(c).matches()) return null;
        return "vtysh -c \"" + c.replace(" | include ", " | grep ") + "\"";
    }

    /** {@code ios} as Cisco NX-OS types it: singular {@code show interface}, plural OSPF {@code neighbors}. */
    static String nxos(String ios) {
        if (ios == null) return null;
        return ios.replaceFirst("^show interfaces ", "show interface ")
                .replaceFirst("^show interfaces$", "show interface")
                .replaceFirst("^show ip ospf neighbor(?!s)", "show ip ospf neighbors")
                .replace("show processes cpu sorted", "show processes cpu sort")
                .replaceFirst("^show environment all$", "show environment")
                .replaceFirst("^show logging \\| include ", "show logging logfile | include ");
    }

    /** Whether the text says the Cisco device runs NX-OS. */
    static boolean nxosIn(String text) {
        return NXOS.matcher(text).find();
    }

    private static final Pattern NXOS = Pattern.compile("(?<![A-Za-z0-9_])(NX-?OS|Nexus|N[3579]K|N9K-[A-Z0-9-]+)(?![A-Za-z_])", Pattern.CASE_INSENSITIVE);

    private static String key(CliFamily family, FaultCategory category) {
        return family.label() + "\t" + category.label();
    }

    private static Table load() {
        Map<String, List<String>> checks = new LinkedHashMap<>();
        Map<String, List<Fix>> fixes = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PlatformDialects.class.getResourceAsStream("/platforms/commands.tsv"), "platforms/commands.tsv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 4) throw new IllegalStateException("platforms/commands.tsv line " + n + ": 4 columns expected");
                CliFamily family = CliFamily.valueOf(cols[0].toUpperCase(java.util.Locale.ROOT));
                FaultCategory category = FaultCategory.fromLabel(cols[1])
                        .orElseThrow(() -> new IllegalStateException("platforms/commands.tsv line " + cols[1]));
                String k = key(family, category);
                switch (cols[2]) {
                    case "check" -> checks.computeIfAbsent(k, x -> new ArrayList<>()).add(cols[3]);
                    case "fix" -> {
                        String[] parts = cols[3].split(" => ");
                        if (parts.length != 2) throw new IllegalStateException("platforms/commands.tsv line " + n + ": a fix needs 'change => rollback'");
                        fixes.computeIfAbsent(k, x -> new ArrayList<>()).add(new Fix(parts[0].strip(), parts[1].strip()));
                    }
                    default -> throw new IllegalStateException("platforms/commands.tsv line " + n + ": kind is check or fix");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checks.replaceAll((k, v) -> List.copyOf(v));
        fixes.replaceAll((k, v) -> List.copyOf(v));
        return new Table(Collections.unmodifiableMap(checks), Collections.unmodifiableMap(fixes));
    }
}
