package com.ipexpert.retrieval.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries, kept in a directory of the application's own instead of a new temporary directory
 * at every start. Left to itself, ONNX Runtime copies its two libraries (16 MB) out of its jar into
 * {@code java.io.tmpdir/onnxruntime-java…} each time a process first uses it, and leaves that directory behind (its
 * clean-up asks to delete the directory before the files in it). Here they are copied once into {@code directory},
 * again only when the jar's copy differs, and ONNX Runtime is told to load them from there
 * ({@code onnxruntime.native.path}, its documented property).
 */
public final class OnnxRuntimeLibraries {
    /** ONNX Runtime's property: the directory it loads its native libraries from instead of extracting them. */
    public static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeLibraries.class);

    private OnnxRuntimeLibraries() {
    }

    /**
     * Copies the libraries of this platform into {@code directory} unless they are there already, and points ONNX
     * Runtime at them; must run before ONNX Runtime is first used. Does nothing when the property is set already (an
     * operator's choice wins) or the jar has no libraries for this platform; on any failure ONNX Runtime extracts
     * them itself, as it would without this. Returns the directory used, if any.
     */
    public static synchronized Optional<Path> useFrom(Path directory) {
        if (System.getProperty(NATIVE_PATH) != null) return Optional.empty();
        Optional<String> platform = platform();
        if (platform.isEmpty()) return Optional.empty();
        Path target = directory.resolve(platform.get());
        try {
            for (String library : LIBRARIES) {
                String file = System.mapLibraryName(library);
                URL source = OnnxRuntimeLibraries.class.getClassLoader()
                        .getResource("ai/onnxruntime/native/" + platform.get() + "/" + file);
                if (source == null) return Optional.empty();
                copyIfChanged(source, target.resolve(file));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("ONNX Runtime's native libraries could not be kept in {} ({}); it extracts them to a temporary "
                    + "directory itself", target, e.toString());
            return Optional.empty();
        }
        System.setProperty(NATIVE_PATH, target.toAbsolutePath().toString());
        return Optional.of(target);
    }

    /**
     * Copies {@code source} to {@code file} unless the copy there came from a source of the same size and time (noted
     * beside it); the copy is written under another name and moved into place, so a process that starts at the same
     * moment never loads half a library.
     */
    private static void copyIfChanged(URL source, Path file) throws IOException {
        URLConnection connection = source.openConnection();
        String origin = connection.getContentLengthLong() + " " + connection.getLastModified();
        Path note = file.resolveSibling(file.getFileName() + ".source");
        if (Files.isRegularFile(file) && Files.isRegularFile(note)
                && Files.readString(note, StandardCharsets.UTF_8).equals(origin)
                && Files.size(file) == connection.getContentLengthLong()) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        Files.writeString(note, origin, StandardCharsets.UTF_8);
    }

    /** The folder name ONNX Runtime's jar keeps this platform's libraries under, if it is one it ships. */
    static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("windows") ? "win" : null;
        String machine = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return system == null || machine == null ? Optional.empty() : Optional.of(system + "-" + machine);
    }
}
