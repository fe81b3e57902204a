package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.Vendor;

import java.util.ArrayList;
import java.util.List;

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

    /** What the engineer told us that commands can be filled with. */
    record Placeholders(String iface, String peer) {

        static final Placeholders NONE = new Placeholders(null, null);

        String fill(String command) {
            return command.replace("{if}", iface == null ? "<interface>" : iface)
                    .replace("{peer}", peer == null ? "<peer-ip>" : peer);
        }
    }
}
