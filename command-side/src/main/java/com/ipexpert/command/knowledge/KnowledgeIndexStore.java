package com.ipexpert.command.knowledge;

import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.chunk.ManualChunker;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.index.WeaviateKnowledgeIndex;
import com.ipexpert.retrieval.parse.DocumentParser;
import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.Map;

/**
 * Chooses the knowledge index: {@code ipexpert.knowledge.index=lucene} (the embedded default, one index in
 * {@code <data-dir>/index}, see {@link KnowledgeConfiguration}) or {@code weaviate}, one index every command-side
 * instance shares ({@code ipexpert.knowledge.weaviate.url}, optional {@code api-key}, collection name prefix).
 */
@Configuration
class KnowledgeIndexStore {
    static final String PROPERTY = "ipexpert.knowledge.index";

    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = PROPERTY, havingValue = "weaviate")
    KnowledgePipeline weaviateKnowledgePipeline(KnowledgeSettings settings,
                                                @Value("${ipexpert.knowledge.weaviate.url}") URI url,
                                                @Value("${ipexpert.knowledge.weaviate.api-key:}") String apiKey,
                                                @Value("${ipexpert.knowledge.weaviate.collection:KnowledgeChunk}") String collection,
                                                com.ipexpert.retrieval.parse.OcrSupport ocr,
                                                BilingualEmbedder embedder) {
        Map<String, String> headers = apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        WeaviateClient client = new WeaviateClient(new Config(url.getScheme(), host, headers));
        WeaviateKnowledgeIndex index = new WeaviateKnowledgeIndex(client, embedder, collection);
        return new KnowledgePipeline(new DocumentParser(settings, ocr), new ManualChunker(settings), index);
    }
}
