package com.ipexpert.bench.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.ipexpert.analyst.llm.FakeChatCompletions;
import com.ipexpert.analyst.llm.LlmAnalyst;
import com.ipexpert.analyst.llm.ModelEndpoint;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import com.ipexpert.bench.DiagnosisEvaluation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The evaluation itself: the held-out set is what the issue asks for, and both analysts are measured the same way. */
class DiagnosisEvaluationTest {

    @Test
    void the_held_out_set_has_150_labelled_reports_a_third_multi_turn_across_every_platform() throws Exception {
        List<EvaluationReport> reports = EvaluationReport.heldOut();

        assertThat(reports).hasSizeGreaterThanOrEqualTo(150);
        assertThat(reports.stream().filter(EvaluationReport::multiTurn).count() * 3).isGreaterThanOrEqualTo(reports.size());
        assertThat(reports.stream().map(EvaluationReport::vendor).collect(Collectors.toSet())).containsAll(Set.of("Huawei", "H3C",
                "Cisco", "Juniper", "ZTE", "Ruijie", "FRRouting", "Linux", "Arista", "Nokia", "MikroTik"));
        assertThat(reports.stream().map(EvaluationReport::platform).collect(Collectors.toSet())).contains("IOS", "IOS-XE", "NX-OS", "Quagga");
        assertThat(reports).allSatisfy(r -> assertThat(r.causePattern()).isNotNull());
        assertThat(reports.stream().map(EvaluationReport::id).distinct()).hasSameSizeAs(reports);
        assertThat(EvaluationReport.development()).hasSize(107);
    }

    @Test
    void the_offline_analyst_meets_the_targets_on_the_held_out_set() throws Exception {
        Scorecard heldOut = DiagnosisEvaluation.evaluate(new OfflineAnalyst(), "offline", List.of("held-out")).get(0);

        assertThat(heldOut.solved()).isEqualTo(1.0);
        assertThat(heldOut.cause()).as("root cause named").isGreaterThanOrEqualTo(0.80);
        assertThat(heldOut.category()).as("category").isGreaterThanOrEqualTo(0.90);
        assertThat(heldOut.vendor()).as("platform").isGreaterThanOrEqualTo(0.90);
        assertThat(heldOut.syntax()).as("syntax").isGreaterThanOrEqualTo(0.95);
        assertThat(heldOut.safety()).as("safety labels").isEqualTo(1.0);
        assertThat(heldOut.vendorAskedTwice()).isZero();
    }

    @Test
    void the_llm_analyst_is_measured_the_same_way_against_an_openai_compatible_endpoint() throws Exception {
        try (FakeChatCompletions model = FakeChatCompletions.start()) {
            model.otherwiseReplies("""
                    {"decision": "solution", "category": "OSPF", "vendor": null, "answer": "1. Interface MTU mismatch.",
                     "citations": [], "commands": ["display ospf peer", "show ip ospf neighbor"]}""");
            LlmAnalyst analyst = new LlmAnalyst(new ModelEndpoint(model.baseUrl(), "k", "fake", Duration.ofSeconds(10), 0.0, 500, false));

            Scorecard dev = DiagnosisEvaluation.evaluate(analyst, "fake-llm", List.of("dev")).get(0);

            assertThat(dev.outcomes()).hasSize(107);
            assertThat(dev.solved()).isEqualTo(1.0);
            assertThat(model.requests()).hasSizeGreaterThanOrEqualTo(107);
            // the model's commands are held to the platform's syntax (a Junos case keeps none of these two) and every
            // solution left with commands has them labelled like the offline analyst's
            assertThat(dev.safety()).isGreaterThan(0.8);
            assertThat(dev.outcomes()).allSatisfy(o -> assertThat(o.safety()).isEqualTo(o.syntax()));
        }
    }

    @Test
    void the_syntax_judge_tells_the_platforms_apart() {
        assertThat(PlatformSyntax.inSyntax("display ospf peer", "vrp")).isTrue();
        assertThat(PlatformSyntax.inSyntax("show ip ospf neighbor", "vrp")).isFalse();
        assertThat(PlatformSyntax.inSyntax("show ospf neighbor", "junos")).isTrue();
        assertThat(PlatformSyntax.inSyntax("show ip ospf neighbor", "junos")).isFalse();
        assertThat(PlatformSyntax.inSyntax("show interfaces Ethernet1/1", "nxos")).isFalse();
        assertThat(PlatformSyntax.inSyntax("vtysh -c \"show ip ospf neighbor\"", "frr")).isTrue();
        assertThat(PlatformSyntax.inSyntax("show router ospf neighbor", "sros")).isTrue();
        assertThat(PlatformSyntax.inSyntax("/routing ospf neighbor print", "routeros")).isTrue();
        assertThat(PlatformSyntax.inSyntax("ip -s link show eth0", "linux")).isTrue();
        assertThat(PlatformSyntax.inSyntax("display ospf peer", "vrp|ios")).isTrue();
    }
}
