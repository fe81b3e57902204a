package com.ipexpert.retrieval.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real embedding model whose vectors are remembered in a file under {@code target/}, so a second run of an
 * evaluation on the same texts does not embed them again. The model still computes every text it has not seen
 * (a clean build embeds everything); the file is named after the model and only ever holds its own vectors,
 * so it cannot stand in for another model. Appends as it goes; thread-safe.
 */
public final class RememberingEmbeddingModel implements EmbeddingModel {
    private final Supplier<EmbeddingModel> loader;
    private final int dimension;
    private final Path file;
    private final Map<String, float[]> known = new HashMap<>();
    private EmbeddingModel model;

    private RememberingEmbeddingModel(Supplier<EmbeddingModel> loader, int dimension, Path file) {
        this.loader = loader;
        this.dimension = dimension;
        this.file = file;
        read();
    }

    /**
     * Remembers the vectors of a model in {@code target/embeddings/<name>-<dimension>.bin}; the model itself is only
     * loaded (seconds, for an ONNX model) when a text it has not seen comes.
     */
    public static RememberingEmbeddingModel of(String name, int dimension, Supplier<EmbeddingModel> loader) {
        return new RememberingEmbeddingModel(loader, dimension, Path.of("target", "embeddings", name + "-" + dimension + ".bin"));
    }

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<TextSegment> missing = new ArrayList<>();
        for (TextSegment s : segments) if (!known.containsKey(s.text())) missing.add(s);
        if (!missing.isEmpty()) {
            if (model == null) model = loader.get();
            if (model.dimension() != dimension) {
                throw new IllegalStateException("the model has " + model.dimension() + " dimensions, not " + dimension);
            }
            List<Embedding> computed = model.embedAll(missing).content();
            for (int i = 0; i < missing.size(); i++) known.put(missing.get(i).text(), computed.get(i).vector());
            append(missing.stream().map(TextSegment::text).toList());
        }
        return Response.from(segments.stream().map(s -> Embedding.from(known.get(s.text()).clone())).toList());
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private void read() {
        if (!Files.exists(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String text;
                try {
                    int length = in.readInt();
                    text = new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
                } catch (EOFException end) {
                    return;
                }
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) vector[i] = in.readFloat();
                known.put(text, vector);
            }
        } catch (IOException e) {
            // A file cut short by an interrupted run: start again from nothing.
            known.clear();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // it is rewritten from the next vectors on
            }
        }
    }

    private void append(List<String> texts) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (String text : texts) {
                    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    float[] vector = known.get(text);
                    out.writeInt(vector.length);
                    for (float x : vector) out.writeFloat(x);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember vectors in " + file, e);
        }
    }
}
