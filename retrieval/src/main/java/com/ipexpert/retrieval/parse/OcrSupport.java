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
    /** What an administrator does to enable OCR, for refusals. */
    public static final String HOW_TO_ENABLE = "an administrator enables OCR by installing Tesseract with its Chinese"
            + " data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim) and restarting the server";

    private final boolean available;
    private final String languages;
    private final String program;

    private OcrSupport(boolean available, String languages, String program) {
        this.available = available;
        this.languages = languages;
        this.program = program;
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
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) return absent(program);
            List<String> found = new ArrayList<>();
            for (String language : WANTED) {
                if (output.lines().anyMatch(l -> l.strip().equals(language))) found.add(language);
            }
            return found.isEmpty() ? absent(program) : new OcrSupport(true, String.join("+", found), program);
        } catch (IOException e) {
            return absent(program);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return absent(program);
        }
    }

    public static OcrSupport absent() {
        return absent("");
    }

    private static OcrSupport absent(String program) {
        return new OcrSupport(false, "", program);
    }

    /** The program asked, as configured. */
    public String program() {
        return program;
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
