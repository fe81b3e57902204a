package com.ipexpert.retrieval.testing;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.embed.BilingualEmbedder;

/** Engines for tests that need embeddings but not the real models. */
public final class TestEngines {
    private TestEngines() {}

    public static BilingualEmbedder hashingEmbedder(KnowledgeSettings settings) {
        return new BilingualEmbedder(new HashingEmbeddingModel(384), new HashingEmbeddingModel(512), settings);
    }
}
