package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.Vendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One diagnostic step written in each vendor's CLI: VRP (Huawei), Comware (H3C), IOS (Cisco), ZXR10 (ZTE),
 * RGOS (Ruijie) and Junos. Comware defaults to the VRP spelling and ZTE/Ruijie to the IOS one; only where they
 * differ is an override given. {@code null} means the vendor has no such command (HSRP on Junos) and the step is
 * skipped for it. {@code {if}} and {@code {peer}} are filled with the interface and peer address the engineer
 * mentioned, or left as {@code <interface>} / {@code <peer-ip>} for the engineer to fill.
 */
record VendorCommand(String vrp, String comware, String ios, String zxr10, String rgos, String junos) {

    static VendorCommand cmd(String vrp, String ios, String junos) {
        return new VendorCommand(vrp, vrp, ios, ios, ios, junos);
    }

    VendorCommand h3c(String command) {
        return new VendorCommand(vrp, command, ios, zxr10, rgos, junos);
    }

    VendorCommand zte(String command) {
        return new VendorCommand(vrp, comware, ios, command, rgos, junos);
    }

    VendorCommand ruijie(String command) {
        return new VendorCommand(vrp, comware, ios, zxr10, command, junos);
    }

    String forVendor(Vendor vendor) {
        return switch (vendor) {
            case HUAWEI -> vrp;
            case H3C -> comware;
            case CISCO -> ios;
            case ZTE -> zxr10;
            case RUIJIE -> rgos;
            case JUNIPER -> junos;
            case ARISTA -> PlatformDialects.eos(ios);
            case FRROUTING -> PlatformDialects.vtysh(ios);
            // their own trees: the platform table answers (PlatformDialects)
            case LINUX, NOKIA, MIKROTIK -> null;
        };
    }

    /**
     * The command lines for {@code vendor}. With the vendor unknown both the {@code display} (Huawei/H3C) and the
     * IOS-style {@code show} spelling are given, one after the other: those two families cover most of the
     * installed base and an engineer recognises at once which one the device speaks. Junos is left out then.
     */
    List<String> render(Vendor vendor, Placeholders placeholders) {
        List<String> out = new ArrayList<>();
        if (vendor == null) {
            if (vrp != null) out.add(placeholders.fill(vrp));
            if (ios != null && !ios.equals(vrp)) out.add(placeholders.fill(ios));
        } else {
            String command = forVendor(vendor);
            if (command != null) out.add(placeholders.fill(command));
        }
        return out;
    }

    /**
     * What the engineer told us that commands can be filled with: the interface, the peer address (IPv4 or IPv6), the
     * AS number (only when one was named), the VLAN, the process id, the VRF and the VRRP/HSRP group. A value not told
     * stays a placeholder in angle brackets for the engineer to fill, never a manual's example value.
     */
    record Placeholders(String iface, String peer, String as, String vlan, String process, String vrf, String vrid) {

        static final Placeholders NONE = new Placeholders(null, null, null, null, null, null, null);

        String fill(String command) {
            String c = command.replace("{if}", or(iface, "<interface>")).replace("{peer}", or(peer, "<peer-ip>"))
                    .replace("{as}", or(as, "<asn>")).replace("{vlan}", or(vlan, "<vlan-id>"));
            if (iface != null) c = c.replace("<interface>", iface);
            if (peer != null) c = c.replace("<peer-ip>", peer).replace("<destination-ip>", peer);
            if (as != null) c = c.replace("<asn>", as);
            if (vlan != null) c = c.replace("<vlan-id>", vlan);
            if (process != null) c = c.replace("<process-id>", process);
            if (vrf != null) c = c.replace("<vrf-name>", vrf).replace("<vpn-name>", vrf);
            if (vrid != null) c = c.replace("<vrid>", vrid).replace("<group>", vrid);
            return c;
        }

        Map<String, Object> toTrace() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (iface != null) m.put("interface", iface);
            if (peer != null) m.put("peer", peer);
            if (as != null) m.put("as", as);
            if (vlan != null) m.put("vlan", vlan);
            if (process != null) m.put("process", process);
            if (vrf != null) m.put("vrf", vrf);
            if (vrid != null) m.put("group", vrid);
            return m;
        }

        private static String or(String value, String placeholder) {
            return value == null ? placeholder : value;
        }
    }
}
