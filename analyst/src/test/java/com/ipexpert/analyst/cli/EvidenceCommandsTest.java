package com.ipexpert.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.analyst.classification.Vendor;
import org.junit.jupiter.api.Test;

class EvidenceCommandsTest {

    private static final String MIXED_MANUAL = """
            OSPF 邻居停在 ExStart 的处理步骤：
            1. 执行 display ospf peer 查看邻居状态
            2. <HUAWEI> display interface GigabitEthernet0/0/1
            3. [~CE1-GigabitEthernet0/0/1] undo ospf mtu-enable
            - reset ospf 1 process
            On IOS:
            Router# show ip ospf neighbor
            R1(config-if)# ip ospf mtu-ignore
            On Junos:
            user@mx> show ospf neighbor extensive
            """;

    @Test
    void commands_after_prompts_and_list_markers_are_taken_in_order() {
        assertThat(EvidenceCommands.extract(MIXED_MANUAL, Vendor.HUAWEI)).containsExactly(
                "display ospf peer", "display interface GigabitEthernet0/0/1", "undo ospf mtu-enable", "reset ospf 1 process");
    }

    @Test
    void only_the_vendors_own_syntax_is_kept() {
        assertThat(EvidenceCommands.extract(MIXED_MANUAL, Vendor.CISCO)).containsExactly("show ip ospf neighbor", "show ospf neighbor extensive");
        assertThat(EvidenceCommands.extract(MIXED_MANUAL, Vendor.JUNIPER)).containsExactly("show ospf neighbor extensive");
    }

    @Test
    void prose_is_not_mistaken_for_a_command() {
        String prose = """
                Show the neighbours with the usual command.
                display the output to the customer
                ping fails between the two sites
                no neighbors are formed at all
                """;
        assertThat(EvidenceCommands.extract(prose, Vendor.CISCO)).isEmpty();
        assertThat(EvidenceCommands.extract(prose, Vendor.HUAWEI)).isEmpty();
    }

    @Test
    void backticked_commands_inside_a_sentence_are_taken() {
        assertThat(EvidenceCommands.extract("Check the MTU with `show interfaces Gi0/1` and then `show ip ospf interface`.", Vendor.CISCO))
                .containsExactly("show interfaces Gi0/1", "show ip ospf interface");
    }

    @Test
    void a_chinese_explanation_after_a_command_is_cut_off() {
        assertThat(EvidenceCommands.extract("display bgp peer 查看邻居状态是否为 Established", Vendor.HUAWEI))
                .containsExactly("display bgp peer");
    }

    @Test
    void nothing_comes_out_of_nothing() {
        assertThat(EvidenceCommands.extract(null, Vendor.HUAWEI)).isEmpty();
        assertThat(EvidenceCommands.extract("   ", null)).isEmpty();
    }
}
