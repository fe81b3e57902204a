package com.ipexpert.retrieval.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the ONNX models in tests that are not about embedding quality: hashes words (and single
 * CJK characters) into a unit vector, so texts that share words are near. Fast and deterministic.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
    private final int dimension;

    public HashingEmbeddingModel(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private float[] vector(String text) {
        float[] v = new float[dimension];
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=\\p{IsHan})|(?=\\p{IsHan})")) {
            if (token.isBlank()) continue;
            v[Math.floorMod(token.hashCode(), dimension)] += 1;
        }
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        return v;
    }
}
