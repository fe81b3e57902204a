package com.ipexpert.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.analyst.classification.Vendor;
import org.junit.jupiter.api.Test;

class CommandSyntaxTest {

    @Test
    void display_commands_are_huawei_and_h3c_syntax_and_not_cisco() {
        assertThat(CommandSyntax.matchesVendor("display ospf peer brief", Vendor.HUAWEI)).isTrue();
        assertThat(CommandSyntax.matchesVendor("display bgp peer ipv4", Vendor.H3C)).isTrue();
        assertThat(CommandSyntax.matchesVendor("reset counters interface GE0/0/1", "Huawei")).isTrue();
        assertThat(CommandSyntax.matchesVendor("display ospf peer", Vendor.CISCO)).isFalse();
        assertThat(CommandSyntax.matchesVendor("show ip ospf neighbor", Vendor.HUAWEI)).isFalse();
    }

    @Test
    void ios_style_show_commands_are_cisco_zte_and_ruijie_syntax_and_not_junos() {
        assertThat(CommandSyntax.matchesVendor("show ip ospf neighbor", Vendor.CISCO)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show ip bgp summary", Vendor.ZTE)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show running-config | include ospf", Vendor.RUIJIE)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show configuration protocols ospf", Vendor.CISCO)).isFalse();
        assertThat(CommandSyntax.matchesVendor("show log messages | match ospf", Vendor.CISCO)).isFalse();
    }

    @Test
    void junos_commands_are_juniper_syntax_and_show_ip_is_not() {
        assertThat(CommandSyntax.matchesVendor("show ospf neighbor", Vendor.JUNIPER)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show log messages | match bgp", Vendor.JUNIPER)).isTrue();
        assertThat(CommandSyntax.matchesVendor("set protocols ospf area 0 interface ge-0/0/0", Vendor.JUNIPER)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show ip ospf neighbor", Vendor.JUNIPER)).isFalse();
        assertThat(CommandSyntax.matchesVendor("show running-config", Vendor.JUNIPER)).isFalse();
        assertThat(CommandSyntax.matchesVendor("display ospf peer", Vendor.JUNIPER)).isFalse();
    }

    @Test
    void with_the_vendor_unknown_display_and_ios_style_commands_pass() {
        assertThat(CommandSyntax.matchesVendor("display ospf peer", (Vendor) null)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show ip ospf neighbor", (String) null)).isTrue();
        assertThat(CommandSyntax.matchesVendor("show configuration protocols ospf", (Vendor) null)).isFalse();
        assertThat(CommandSyntax.matchesVendor("", (Vendor) null)).isFalse();
    }

    @Test
    void commands_that_change_state_are_told_from_those_that_look() {
        assertThat(CommandSyntax.changesState("reset ospf 1 process")).isTrue();
        assertThat(CommandSyntax.changesState("clear ip bgp 10.0.0.1 soft")).isTrue();
        assertThat(CommandSyntax.changesState("undo shutdown")).isTrue();
        assertThat(CommandSyntax.changesState("display ospf peer")).isFalse();
        assertThat(CommandSyntax.changesState("show bgp summary")).isFalse();
    }
}
