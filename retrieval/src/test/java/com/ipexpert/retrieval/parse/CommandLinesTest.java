package com.ipexpert.retrieval.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"<HUAWEI> display ospf peer", "[Huawei-ospf-1] area 0", "[~HUAWEI] commit",
            "Router# show ip route", "R1(config-router)# network 10.0.0.0 0.255.255.255 area 0", "R1>",
            "user@mx960> show bgp summary", "$ ip addr show eth0", "display interface brief",
            "show ip ospf neighbor", "set protocols ospf area 0.0.0.0 interface ge-0/0/1",
            "interface GigabitEthernet0/0/1", "undo shutdown", "ip route 10.0.0.0/8 null0 255"})
    void device_cli_lines_are_commands(String line) {
        assertThat(CommandLines.isCommand(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Show the OSPF routing table.", "set the hello interval to match the neighbour",
            "interface is down and the router drops the adjacency", "no route is installed when the next hop is",
            "在接口视图下执行display interface命令", "The router with the highest priority wins.", ""})
    void prose_lines_are_not(String line) {
        assertThat(CommandLines.isCommand(line)).as(line).isFalse();
    }
}
