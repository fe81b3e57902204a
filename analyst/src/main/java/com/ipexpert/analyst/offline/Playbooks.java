package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The offline analyst's playbook for every fault category, built once. */
final class Playbooks {

    private Playbooks() {
    }

    private static final Map<FaultCategory, Playbook> BY_CATEGORY;

    static {
        Map<FaultCategory, Playbook> m = new EnumMap<>(FaultCategory.class);
        m.put(FaultCategory.OSPF, RoutingPlaybooks.ospf());
        m.put(FaultCategory.BGP, RoutingPlaybooks.bgp());
        m.put(FaultCategory.IS_IS, RoutingPlaybooks.isis());
        m.put(FaultCategory.MPLS, RoutingPlaybooks.mpls());
        m.put(FaultCategory.VLAN_STP, SwitchingPlaybooks.vlanStp());
        m.put(FaultCategory.VRRP_HSRP, SwitchingPlaybooks.vrrpHsrp());
        m.put(FaultCategory.INTERFACE_OPTICS, SwitchingPlaybooks.interfaceOptics());
        m.put(FaultCategory.ACL_NAT, ServicePlaybooks.aclNat());
        m.put(FaultCategory.VPN_IPSEC, ServicePlaybooks.vpnIpsec());
        m.put(FaultCategory.DHCP_DNS, ServicePlaybooks.dhcpDns());
        m.put(FaultCategory.QOS, ServicePlaybooks.qos());
        m.put(FaultCategory.HARDWARE, PlatformPlaybooks.hardware());
        m.put(FaultCategory.OTHER, PlatformPlaybooks.other());
        BY_CATEGORY = Collections.unmodifiableMap(m);
    }

    static Playbook forCategory(FaultCategory category) {
        return BY_CATEGORY.get(category);
    }
}
