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
    RUIJIE("Ruijie", "锐捷", CliFamily.SHOW);

    /**
     * How a vendor's operational commands read. Huawei VRP and H3C Comware look at state with {@code display};
     * Cisco IOS and the IOS-like ZTE ZXR10 and Ruijie RGOS with {@code show ip ...}; Junos with {@code show}
     * on a different tree ({@code show ospf neighbor}, {@code show configuration}).
     */
    public enum CliFamily { DISPLAY, SHOW, JUNOS }

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
