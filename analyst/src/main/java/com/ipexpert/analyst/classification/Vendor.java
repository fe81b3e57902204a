package com.ipexpert.analyst.classification;

import java.util.Arrays;
import java.util.Optional;

/** The equipment vendors the product knows, with the name stored with a case and the CLI family each speaks. */
public enum Vendor {
    HUAWEI("Huawei", "华为", CliFamily.DISPLAY),
    CISCO("Cisco", "思科", CliFamily.SHOW),
    H3C("H3C", "新华三", CliFamily.DISPLAY),
    JUNIPER("Juniper", "瞻博", CliFamily.JUNOS),
    ZTE("ZTE", "中兴", CliFamily.SHOW),
    RUIJIE("Ruijie", "锐捷", CliFamily.SHOW),
    /** FRRouting and its ancestor Quagga: routing daemons on Linux, configured through vtysh. */
    FRROUTING("FRRouting", "FRRouting", CliFamily.FRR),
    /** A plain Linux host or router: iproute2, ethtool, nftables, bird, strongSwan. */
    LINUX("Linux", "Linux", CliFamily.LINUX),
    ARISTA("Arista", "Arista", CliFamily.EOS),
    NOKIA("Nokia", "诺基亚", CliFamily.SROS),
    MIKROTIK("MikroTik", "MikroTik", CliFamily.ROUTEROS);

    /**
     * How a vendor's operational commands read. Huawei VRP and H3C Comware look at state with {@code display};
     * Cisco IOS and the IOS-like ZTE ZXR10 and Ruijie RGOS with {@code show ip ...}; Junos with {@code show}
     * on a different tree ({@code show ospf neighbor}, {@code show configuration}); the others each their own.
     */
    public enum CliFamily {
        DISPLAY, SHOW, JUNOS,
        /** vtysh ({@code vtysh -c "show ip ospf neighbor"}) for the routing daemons, Linux commands for the rest. */
        FRR,
        /** iproute2 and friends ({@code ip -s link show eth0}, {@code ss}, {@code nft list ruleset}). */
        LINUX,
        /** Arista EOS: IOS-like {@code show ...}, without IOS-only forms. */
        EOS,
        /** Nokia SR OS classic CLI ({@code show router ospf neighbor}, {@code show port 1/1/1}). */
        SROS,
        /** MikroTik RouterOS ({@code /routing ospf neighbor print}). */
        ROUTEROS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String label;
    private final String chineseName;
    private final CliFamily cliFamily;

    Vendor(String label, String chineseName, CliFamily cliFamily) {
        this.label = label;
        this.chineseName = chineseName;
        this.cliFamily = cliFamily;
    }

    /** The vendor name as stored with a case and a knowledge document ("Huawei", "H3C", ...). */
    public String label() {
        return label;
    }

    public String chineseName() {
        return chineseName;
    }

    public CliFamily cliFamily() {
        return cliFamily;
    }

    /** The vendor with this label, ignoring case; empty for null, blank or unknown names. */
    public static Optional<Vendor> fromLabel(String label) {
        if (label == null) return Optional.empty();
        return Arrays.stream(values()).filter(v -> v.label.equalsIgnoreCase(label.trim())).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
