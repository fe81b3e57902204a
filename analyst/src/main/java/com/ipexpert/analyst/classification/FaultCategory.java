package com.ipexpert.analyst.classification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fault categories the product counts cases by. {@link #label()} is the exact string stored with a case
 * and shown on the dashboard; it never changes once released.
 */
public enum FaultCategory {
    OSPF("OSPF"),
    BGP("BGP"),
    IS_IS("IS-IS"),
    MPLS("MPLS"),
    VLAN_STP("VLAN/STP"),
    ACL_NAT("ACL/NAT"),
    VPN_IPSEC("VPN/IPsec"),
    VRRP_HSRP("VRRP/HSRP"),
    INTERFACE_OPTICS("interface/optics"),
    DHCP_DNS("DHCP/DNS"),
    QOS("QoS"),
    HARDWARE("hardware"),
    OTHER("other");

    private final String label;

    FaultCategory(String label) {
        this.label = label;
    }

    /** The category name as stored and counted ("OSPF", "VLAN/STP", "interface/optics", ...). */
    public String label() {
        return label;
    }

    /** The category with this label, ignoring case. */
    public static Optional<FaultCategory> fromLabel(String label) {
        if (label == null) return Optional.empty();
        return Arrays.stream(values()).filter(c -> c.label.equalsIgnoreCase(label.trim())).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
