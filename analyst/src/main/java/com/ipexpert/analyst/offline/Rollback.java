package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.Vendor.CliFamily;
import com.ipexpert.analyst.cli.CommandSafety;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that undoes a configuration change, in the same CLI: VRP/Comware {@code undo}, IOS-style and EOS
 * {@code no}, Junos {@code delete}; the views a change enters ({@code interface X}, {@code ospf 1},
 * {@code router bgp 65000}) are kept, the value set is dropped. A line that restarts something cannot be undone and
 * is said so.
 */
final class Rollback {

    private Rollback() {
    }

    private static final Pattern VIEW = Pattern.compile("(?i)^(interface \\S+|ospf \\S+|bgp \\S+|isis \\S+|router (ospf|bgp|isis)( \\S+)?|vlan \\S+|ip vpn-instance \\S+|address-family .*|area \\S+|configure terminal|system-view|policy-map \\S+|class \\S+|line vty .*)$");
    private static final Pattern VALUE = Pattern.compile("^(<[^>]+>|[0-9][0-9./:]*|[0-9a-f:]+::[0-9a-f:]*)$", Pattern.CASE_INSENSITIVE);

    static String of(String change, CliFamily family) {
        List<String> out = new ArrayList<>();
        boolean undone = false;
        for (String raw : change.split(" ; ")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (CommandSafety.of(line) == CommandSafety.SERVICE_AFFECTING) continue;
            if (VIEW.matcher(line).matches()) {
                out.add(line);
                continue;
            }
            out.add(undo(line, family));
            undone = true;
        }
        if (!undone) return "(none: " + change + " restarts a session or process and cannot be undone; it only takes effect again)";
        return String.join(" ; ", out);
    }

    private static String undo(String line, CliFamily family) {
        String l = line.strip();
        switch (family) {
            case DISPLAY -> {
                if (l.startsWith("undo ")) return l.substring(5);
                return "undo " + dropValue(l);
            }
            case JUNOS -> {
                if (l.startsWith("set ")) return "delete " + dropValue(l.substring(4));
                if (l.startsWith("delete ")) return "set " + l.substring(7) + " <previous-value>";
                return "rollback 1";
            }
            default -> {
                if (l.startsWith("no ")) return l.substring(3);
                return "no " + l;
            }
        }
    }

    private static String dropValue(String line) {
        String[] words = line.split("\\s+");
        if (words.length > 2 && VALUE.matcher(words[words.length - 1]).matches()) {
            return String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
        }
        return line;
    }
}
