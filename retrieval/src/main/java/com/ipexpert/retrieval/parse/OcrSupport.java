package com.ipexpert.retrieval.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether Tesseract can be called for images and scanned pages, and with which of the languages we want
 * (simplified Chinese and English). Found once by asking the {@code tesseract} program itself.
 */
public final class OcrSupport {
    private static final List<String> WANTED = List.of("chi_sim", "eng");

    private final boolean available;
    private final String languages;

    private OcrSupport(boolean available, String languages) {
        this.available = available;
        this.languages = languages;
    }

    /** Asks {@code tesseract} on the PATH. */
    public static OcrSupport detect() {
        return detect("tesseract");
    }

    /** Asks the given tesseract program; an absent program means no OCR. */
    public static OcrSupport detect(String program) {
        try {
            Process process = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) return absent();
            List<String> found = new ArrayList<>();
            for (String language : WANTED) {
                if (output.lines().anyMatch(l -> l.strip().equals(language))) found.add(language);
            }
            return found.isEmpty() ? absent() : new OcrSupport(true, String.join("+", found));
        } catch (IOException e) {
            return absent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return absent();
        }
    }

    public static OcrSupport absent() {
        return new OcrSupport(false, "");
    }

    public boolean available() {
        return available;
    }

    /** Tesseract's language argument, e.g. {@code chi_sim+eng}; empty when unavailable. */
    public String languages() {
        return languages;
    }

    @Override
    public String toString() {
        return available ? "OCR with " + languages : "no OCR";
    }
}
