package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.classification.FaultCategory;

import java.util.ArrayList;
import java.util.List;

/**
 * What the offline analyst knows about one fault category: the state commands to start with, in the order to
 * run them, the likely causes, and the questions to ask about symptoms and about what was already checked.
 * Questions may name {@code {cmd}}, the first state command in the engineer's vendor syntax.
 */
record Playbook(FaultCategory category, List<VendorCommand> commands, List<Finding> findings,
                List<String> askZh, List<String> askEn, List<String> checkedZh, List<String> checkedEn) {

    static Playbook of(FaultCategory category) {
        return new Playbook(category, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    Playbook commands(VendorCommand... steps) {
        return new Playbook(category, List.of(steps), findings, askZh, askEn, checkedZh, checkedEn);
    }

    Playbook finding(Finding finding) {
        List<Finding> all = new ArrayList<>(findings);
        all.add(finding);
        return new Playbook(category, commands, List.copyOf(all), askZh, askEn, checkedZh, checkedEn);
    }

    /** Symptom questions, Chinese then English, in the order to ask them. */
    Playbook ask(List<String> zh, List<String> en) {
        return new Playbook(category, commands, findings, List.copyOf(zh), List.copyOf(en), checkedZh, checkedEn);
    }

    /** Questions about what was already checked, Chinese then English. */
    Playbook askChecked(List<String> zh, List<String> en) {
        return new Playbook(category, commands, findings, askZh, askEn, List.copyOf(zh), List.copyOf(en));
    }

    /** The command a symptom question refers to: the first state command, or the first check of the first common finding. */
    VendorCommand firstStateCommand() {
        if (!commands.isEmpty()) return commands.get(0);
        return findings.stream().filter(Finding::common).flatMap(f -> f.checks().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("playbook " + category + " has no command to ask about"));
    }
}
