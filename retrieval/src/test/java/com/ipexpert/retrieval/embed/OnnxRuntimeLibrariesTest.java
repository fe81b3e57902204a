package com.ipexpert.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeLibrariesTest {
    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void platformWithLibraries() {
        // the jar the build packs keeps the libraries of the building platform only (see native-libraries)
        assumeTrue(OnnxRuntimeLibraries.platform().isPresent(), "ONNX Runtime ships no libraries for this platform");
        before = System.clearProperty(OnnxRuntimeLibraries.NATIVE_PATH);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(OnnxRuntimeLibraries.NATIVE_PATH);
        else System.setProperty(OnnxRuntimeLibraries.NATIVE_PATH, before);
    }

    private Path library(String name) {
        return dir.resolve(OnnxRuntimeLibraries.platform().orElseThrow()).resolve(System.mapLibraryName(name));
    }

    @Test
    void the_libraries_are_copied_once_and_onnx_runtime_is_pointed_at_them() throws Exception {
        Path used = OnnxRuntimeLibraries.useFrom(dir).orElseThrow();

        assertThat(System.getProperty(OnnxRuntimeLibraries.NATIVE_PATH)).isEqualTo(used.toAbsolutePath().toString());
        assertThat(library("onnxruntime")).isRegularFile();
        assertThat(Files.size(library("onnxruntime"))).isGreaterThan(1_000_000);
        assertThat(library("onnxruntime4j_jni")).isRegularFile();
        try (var files = Files.list(used)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }

        // the next start finds them there and leaves them be
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library("onnxruntime"), old);
        System.clearProperty(OnnxRuntimeLibraries.NATIVE_PATH);
        assertThat(OnnxRuntimeLibraries.useFrom(dir)).contains(used);
        assertThat(Files.getLastModifiedTime(library("onnxruntime"))).isEqualTo(old);
    }

    @Test
    void a_library_from_another_jar_is_copied_again() throws Exception {
        OnnxRuntimeLibraries.useFrom(dir).orElseThrow();
        long size = Files.size(library("onnxruntime"));
        Files.writeString(library("onnxruntime"), "an older build");
        Files.writeString(library("onnxruntime").resolveSibling(library("onnxruntime").getFileName() + ".source"), "1 1");
        System.clearProperty(OnnxRuntimeLibraries.NATIVE_PATH);

        OnnxRuntimeLibraries.useFrom(dir).orElseThrow();

        assertThat(Files.size(library("onnxruntime"))).isEqualTo(size);
    }

    @Test
    void a_directory_the_operator_chose_wins() {
        System.setProperty(OnnxRuntimeLibraries.NATIVE_PATH, "/opt/onnxruntime");

        assertThat(OnnxRuntimeLibraries.useFrom(dir)).isEmpty();

        assertThat(System.getProperty(OnnxRuntimeLibraries.NATIVE_PATH)).isEqualTo("/opt/onnxruntime");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_directory_that_cannot_be_written_leaves_the_extraction_to_onnx_runtime() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertThat(OnnxRuntimeLibraries.useFrom(file)).isEmpty();

        assertThat(System.getProperty(OnnxRuntimeLibraries.NATIVE_PATH)).isNull();
    }
}
