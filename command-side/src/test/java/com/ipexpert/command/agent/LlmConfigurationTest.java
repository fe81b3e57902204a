package com.ipexpert.command.agent;

import com.ipexpert.analyst.Analyst;
import com.ipexpert.analyst.llm.FallbackAnalyst;
import com.ipexpert.analyst.llm.LlmAnalyst;
import com.ipexpert.analyst.offline.OfflineAnalyst;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Which analyst the agent uses is configuration: a model key switches the LLM analyst on, and the info endpoint says so. */
class LlmConfigurationTest {

    private final ApplicationContextRunner agent = new ApplicationContextRunner()
            // both, in the order component scanning finds them in the application
            .withUserConfiguration(AgentConfiguration.class, LlmConfiguration.class)
            .withBean(EventStore.class, () -> mock(EventStore.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withBean(QueryGateway.class, () -> mock(QueryGateway.class))
            .withBean(QueryUpdateEmitter.class, () -> SimpleQueryUpdateEmitter.builder().build())
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void with_an_api_key_the_agent_asks_the_configured_model() {
        agent.withPropertyValues("ipexpert.llm.api-key=sk-wiring-test", "ipexpert.llm.base-url=http://127.0.0.1:9/v1",
                        "ipexpert.llm.model=qwen-plus")
                .run(context -> {
                    assertThat(context).hasSingleBean(Analyst.class);
                    Analyst analyst = context.getBean(Analyst.class);
                    assertThat(analyst).isInstanceOf(FallbackAnalyst.class);
                    assertThat(((FallbackAnalyst) analyst).model()).isInstanceOf(LlmAnalyst.class);
                    assertThat(analyst.name()).isEqualTo("qwen-plus");
                    assertThat(info(context.getBean(InfoContributor.class))).isEqualTo(Map.of(
                            "kind", "llm", "name", "qwen-plus", "model", "qwen-plus", "promptVersion", "diagnosis-v2",
                            "streaming", true, "fallback", "offline"));
                    assertThat(context.getBean(LlmSettings.class).toString()).doesNotContain("sk-wiring-test");
                });
    }

    @Test
    void a_model_endpoint_that_cannot_stream_is_asked_for_whole_replies() {
        agent.withPropertyValues("ipexpert.llm.api-key=sk-wiring-test", "ipexpert.llm.stream=false")
                .run(context -> {
                    assertThat(((LlmAnalyst) ((FallbackAnalyst) context.getBean(Analyst.class)).model()).streams()).isFalse();
                    assertThat(((Map<?, ?>) info(context.getBean(InfoContributor.class))).get("streaming")).isEqualTo(false);
                });
    }

    @Test
    void a_base_url_alone_switches_on_a_local_model_without_auth() {
        agent.withPropertyValues("ipexpert.llm.base-url=http://127.0.0.1:11434/v1", "ipexpert.llm.model=qwen2.5:7b")
                .run(context -> {
                    Analyst analyst = context.getBean(Analyst.class);
                    assertThat(analyst).isInstanceOf(FallbackAnalyst.class);
                    assertThat(analyst.name()).isEqualTo("qwen2.5:7b");
                    assertThat(context.getBean(LlmSettings.class).endpoint().apiKey()).isEqualTo(LlmSettings.NO_KEY);
                });
    }

    @Test
    void without_the_fallback_a_model_failure_is_left_to_the_saga() {
        agent.withPropertyValues("ipexpert.llm.api-key=sk-wiring-test", "ipexpert.llm.fallback-to-offline=false")
                .run(context -> assertThat(context.getBean(Analyst.class)).isInstanceOf(LlmAnalyst.class));
    }

    @Test
    void without_an_api_key_the_offline_analyst_answers() {
        agent.run(context -> {
            assertThat(context).hasSingleBean(Analyst.class);
            assertThat(context.getBean(Analyst.class)).isInstanceOf(OfflineAnalyst.class);
            assertThat(info(context.getBean(InfoContributor.class))).isEqualTo(Map.of(
                    "kind", "offline", "name", "offline", "version", OfflineAnalyst.VERSION));
        });
    }

    @Test
    void a_blank_api_key_counts_as_none() {
        agent.withPropertyValues("ipexpert.llm.api-key= ")
                .run(context -> assertThat(context.getBean(Analyst.class)).isInstanceOf(OfflineAnalyst.class));
    }

    private static Object info(InfoContributor contributor) {
        Info.Builder builder = new Info.Builder();
        contributor.contribute(builder);
        return builder.build().getDetails().get("analyst");
    }
}
