package com.ipexpert.analyst.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

class FaultClassifierTest {

    private final FaultClassifier classifier = new FaultClassifier();

    @Test
    void an_ospf_exstart_question_in_chinese_is_classified_as_ospf() {
        assertThat(classifier.category("OSPF邻居状态卡在ExStart")).isEqualTo("OSPF");
        assertThat(classifier.category("邻居状态卡在ExStart，LSA 交换不完")).isEqualTo("OSPF");
    }

    @Test
    void an_english_bgp_flap_report_is_classified_as_bgp() {
        assertThat(classifier.category("BGP session flaps every 3 minutes")).isEqualTo("BGP");
        assertThat(classifier.category("peer stuck in Idle, AS_PATH filter suspected")).isEqualTo("BGP");
    }

    @Test
    void neighbour_flapping_in_chinese_reads_as_bgp() {
        assertThat(classifier.category("邻居震荡，每3分钟断一次")).isEqualTo("BGP");
    }

    @Test
    void an_mtu_mismatch_does_not_beat_a_clear_protocol_word() {
        assertThat(classifier.category("OSPF neighbour down, MTU mismatch on the link")).isEqualTo("OSPF");
        assertThat(classifier.category("IS-IS adjacency not forming, MTU mismatch")).isEqualTo("IS-IS");
        assertThat(classifier.category("MTU mismatch")).isEqualTo("other");
    }

    @Test
    void a_text_without_network_words_is_other() {
        assertThat(classifier.classify("请帮我看看这个问题").category()).isEqualTo(FaultCategory.OTHER);
        assertThat(classifier.classify("").category()).isEqualTo(FaultCategory.OTHER);
        assertThat(classifier.classify(null).category()).isEqualTo(FaultCategory.OTHER);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "OSPF邻居一直停在2-Way，DR选举异常 | OSPF",
            "LSA 在 LSDB 里看不到，NSSA 区域 | OSPF",
            "eBGP peer Idle after NOTIFICATION, hold timer expired | BGP",
            "BGP 路由反射器不反射路由，local-preference 不生效 | BGP",
            "ISIS Level-2 邻接起不来，system-id 重复 | IS-IS",
            "LDP session down, no label for the loopback FEC | MPLS",
            "L3VPN 私网路由不通，vpn-instance 的 vpn-target 配置 | MPLS",
            "生成树频繁收到TC报文，根桥变化 | VLAN/STP",
            "trunk port does not carry VLAN 20, PVID mismatch | VLAN/STP",
            "ACL 配置了 deny 规则但是不生效 | ACL/NAT",
            "nat outbound 后内网用户上不了网 | ACL/NAT",
            "IPsec 隧道 IKE 第一阶段协商失败 | VPN/IPsec",
            "site-to-site VPN phase 2 fails, no proposal chosen | VPN/IPsec",
            "两台核心交换机 VRRP 双主 | VRRP/HSRP",
            "HSRP standby keeps preempting | VRRP/HSRP",
            "光模块收光功率 -25dBm，接口频繁 up/down | interface/optics",
            "CRC errors increasing on the uplink, fibre replaced | interface/optics",
            "用户获取不到IP地址，DHCP 地址池已满 | DHCP/DNS",
            "nslookup fails, DNS server unreachable | DHCP/DNS",
            "配置了 CAR 限速但实际速率不对 | QoS",
            "voice jitter, LLQ policy-map drops in the priority queue | QoS",
            "板卡反复重启，电源模块告警 | hardware",
            "the chassis fan failed and temperature is rising | hardware",
            "SNMP 采集不到数据 | other"})
    void each_category_is_recognised_in_chinese_and_english(String text, String category) {
        assertThat(classifier.category(text)).isEqualTo(category);
    }

    @Test
    void category_names_are_the_ones_the_dashboard_counts() {
        assertThat(Arrays.stream(FaultCategory.values()).map(FaultCategory::label)).containsExactly(
                "OSPF", "BGP", "IS-IS", "MPLS", "VLAN/STP", "ACL/NAT", "VPN/IPsec", "VRRP/HSRP", "interface/optics",
                "DHCP/DNS", "QoS", "hardware", "other");
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "华为交换机 OSPF 问题 | Huawei", "Huawei router | Huawei", "思科路由器 | Cisco", "Cisco switch | Cisco",
            "华三交换机 | H3C", "新华三设备 | H3C", "H3C switch | H3C", "瞻博路由器 | Juniper", "Juniper router | Juniper",
            "中兴设备 | ZTE", "ZTE router | ZTE", "锐捷交换机 | Ruijie", "Ruijie switch | Ruijie"})
    void a_vendor_is_recognised_by_its_name(String text, String vendor) {
        assertThat(classifier.vendor(text)).isEqualTo(vendor);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "NE40E 上 BGP 邻居 | Huawei", "S5700 VLAN 不通 | Huawei", "CE6850 接口 down | Huawei", "AR2200 NAT | Huawei",
            "Catalyst 9300 trunk | Cisco", "Nexus 7000 vPC | Cisco", "ASR1001-X BGP | Cisco", "ISR4331 NAT | Cisco",
            "running IOS-XE 17.3 | Cisco", "NX-OS 9.3 on the leaf | Cisco",
            "S5560X-EI 交换机 | H3C", "MSR3620 路由器 | H3C",
            "MX480 core | Juniper", "EX4300 access | Juniper", "SRX345 firewall | Juniper", "Junos 21.4 upgrade | Juniper",
            "ZXR10 M6000 路由器 | ZTE", "RG-S5750 交换机 | Ruijie"})
    void a_vendor_is_recognised_by_its_device_model(String text, String vendor) {
        assertThat(classifier.vendor(text)).isEqualTo(vendor);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "display ospf peer 显示 ExStart | Huawei",
            "show running-config shows the neighbor | Cisco",
            "show ip ospf neighbor is empty | Cisco",
            "show configuration protocols ospf | Juniper",
            "set protocols bgp group ext neighbor 192.0.2.1 | Juniper",
            "ge-0/0/1 is down | Juniper"})
    void a_vendor_is_recognised_by_the_cli_dialect_in_the_text(String text, String vendor) {
        assertThat(classifier.vendor(text)).isEqualTo(vendor);
    }

    @Test
    void no_vendor_is_named_when_the_text_gives_none_away() {
        assertThat(classifier.vendor("OSPF邻居状态卡在ExStart")).isNull();
        assertThat(classifier.vendor("please display the output")).isNull();
        assertThat(classifier.classify("BGP session flaps").vendorKnown()).isFalse();
    }

    @Test
    void of_two_vendors_named_equally_the_first_mentioned_wins() {
        assertThat(classifier.vendor("华为和思科设备之间 OSPF 不通")).isEqualTo("Huawei");
        assertThat(classifier.vendor("思科和华为设备之间 OSPF 不通")).isEqualTo("Cisco");
    }

    @Test
    void a_vendor_named_as_the_far_end_is_not_the_devices_vendor() {
        assertThat(classifier.vendor("华为设备 display isis peer 状态为 Init，对端是思科的ASR9k")).isEqualTo("Huawei");
        assertThat(classifier.vendor("OSPF 邻居起不来，对端是思科设备")).isNull();
        assertThat(classifier.vendor("the peer is a Juniper MX, our side shows the session in Active")).isNull();
        assertThat(classifier.classify("对端是思科设备").vendorScores().get("Cisco").matched()).anyMatch(m -> m.contains("far end"));
    }

    @Test
    void a_device_model_outweighs_a_pasted_command_of_a_related_dialect() {
        assertThat(classifier.vendor("新华三 S6520 上 display ospf peer 为空")).isEqualTo("H3C");
        assertThat(classifier.vendor("锐捷 RG-S5750 show ip ospf neighbor 为空")).isEqualTo("Ruijie");
    }

    @Test
    void the_scores_name_the_words_that_earned_them() {
        Classification c = classifier.classify("华为NE40E OSPF邻居卡在ExStart，MTU不一致");
        assertThat(c.categoryScores().keySet()).first().isEqualTo("OSPF");
        assertThat(c.categoryKeywords()).contains("OSPF", "ExStart");
        assertThat(c.categoryScores().get("interface/optics").matched()).contains("MTU");
        assertThat(c.vendorClues()).anyMatch(clue -> clue.contains("NE40E"));
        assertThat(c.toTrace()).containsKeys("category", "vendor", "categoryScores", "vendorScores");
    }
}
