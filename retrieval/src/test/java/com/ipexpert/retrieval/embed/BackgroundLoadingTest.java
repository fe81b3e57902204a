package com.ipexpert.retrieval.embed;

import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Language;
import com.ipexpert.retrieval.testing.HashingEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundLoadingTest {
    private static final KnowledgeSettings SETTINGS = KnowledgeSettings.defaults();

    private final CountDownLatch release = new CountDownLatch(1);

    private Supplier<EmbeddingModel> heldUntilReleased(int dimension) {
        return () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new HashingEmbeddingModel(dimension);
        };
    }

    private BilingualEmbedder loading(Duration queryWait) {
        return new BilingualEmbedder("English", 8, "Chinese", 16, heldUntilReleased(8), heldUntilReleased(16),
                SETTINGS, queryWait);
    }

    @Test
    void names_and_dimensions_are_known_before_the_models_are_loaded() {
        BilingualEmbedder embedder = loading(Duration.ofMillis(50));

        assertThat(embedder.ready()).isFalse();
        assertThat(embedder.modelName(Language.ENGLISH)).isEqualTo("English/8");
        assertThat(embedder.modelName(Language.CHINESE)).isEqualTo("Chinese/16");
        release.countDown();
    }

    @Test
    void a_query_while_the_models_load_waits_at_most_the_query_wait_then_is_refused_as_unavailable() {
        BilingualEmbedder embedder = loading(Duration.ofMillis(200));

        long started = System.nanoTime();
        assertThatThrownBy(() -> embedder.embedQuery("ospf hello"))
                .isInstanceOf(KnowledgeEngineLoading.class)
                .satisfies(e -> assertThat(((KnowledgeEngineLoading) e).kind()).isEqualTo(ErrorKind.SERVICE_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        release.countDown();
    }

    @Test
    void a_query_that_arrives_while_loading_is_answered_once_the_models_are_there() throws Exception {
        BilingualEmbedder embedder = loading(Duration.ofSeconds(20));
        CompletableFuture<QueryVectors> answer = CompletableFuture.supplyAsync(() -> embedder.embedQuery("ospf hello"));
        Thread.sleep(100);
        assertThat(answer).isNotDone();

        release.countDown();

        QueryVectors vectors = answer.get(20, TimeUnit.SECONDS);
        assertThat(vectors.english()).hasSize(8);
        assertThat(vectors.chinese()).hasSize(16);
        assertThat(embedder.ready()).isTrue();
        assertThat(embedder.loadMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void embedding_chunks_waits_for_the_models_however_long_they_take() throws Exception {
        BilingualEmbedder embedder = loading(Duration.ofMillis(1));
        CompletableFuture<List<float[]>> vectors = CompletableFuture.supplyAsync(
                () -> embedder.embed(List.of("a chunk"), Language.ENGLISH, (done, total) -> { }));
        Thread.sleep(100);
        assertThat(vectors).isNotDone();

        release.countDown();

        assertThat(vectors.get(20, TimeUnit.SECONDS)).singleElement().satisfies(v -> assertThat(v).hasSize(8));
    }

    @Test
    void models_that_cannot_be_loaded_say_why() {
        BilingualEmbedder embedder = new BilingualEmbedder("English", 8, "Chinese", 16,
                () -> { throw new IllegalStateException("no native library for this platform"); },
                () -> new HashingEmbeddingModel(16), SETTINGS, Duration.ofSeconds(5));

        assertThatThrownBy(() -> embedder.embedQuery("ospf")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no native library for this platform");
        assertThat(embedder.ready()).isFalse();
        assertThat(embedder.failure()).get().extracting(Throwable::getMessage).isEqualTo("no native library for this platform");
    }
}
