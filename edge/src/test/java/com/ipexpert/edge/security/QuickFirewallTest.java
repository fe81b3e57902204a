package com.ipexpert.edge.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's quick checks refuse exactly what Spring Security's patterns refuse. */
class QuickFirewallTest {
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agrees_with_the_patterns_on_every_character_of_the_basic_plane_and_beyond() {
        for (int c = 0; c <= 0x10FFFF; c += (c < 0x30000 ? 1 : 97)) {
            String s = "Bearer x" + new String(Character.toChars(c)) + "y";
            assertThat(QuickFirewall.assignedAndNotControl(s)).as("U+%04X", c).isEqualTo(NAMES.matcher(s).matches());
            assertThat(QuickFirewall.assignedAndNotControlOrTab(s)).as("U+%04X", c).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void refuses_control_characters_and_unassigned_code_points() {
        for (String bad : List.of("a\nb", "a\rb", "a\u0000", "\u007f", "x\u0085", "\uFFFF")) {
            assertThat(QuickFirewall.assignedAndNotControlOrTab(bad)).as(bad).isFalse();
        }
        assertThat(QuickFirewall.assignedAndNotControlOrTab("a\tb")).isTrue();
        assertThat(QuickFirewall.assignedAndNotControl("a\tb")).isFalse();
        assertThat(QuickFirewall.assignedAndNotControlOrTab("Bearer eyJhbGciOiJIUzUxMiJ9.e30.sig 中文")).isTrue();
    }
}
