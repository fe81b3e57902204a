package com.ipexpert.retrieval.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats knowledge documents are accepted in, with the file extensions each may be uploaded under. */
public enum DocumentFormat {
    PDF(false, "pdf"),
    DOC(false, "doc"),
    DOCX(false, "docx"),
    TEXT(false, "txt", "md", "markdown"),
    HTML(false, "html", "htm"),
    /** A zip of an HTML manual: its pages, with the links and images between them. */
    ZIP(false, "zip"),
    PNG(true, "png"),
    JPEG(true, "jpg", "jpeg");

    private final boolean image;
    private final List<String> extensions;

    DocumentFormat(boolean image, String... extensions) {
        this.image = image;
        this.extensions = List.of(extensions);
    }

    public boolean isImage() {
        return image;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name claims by its extension, if it is one we accept. */
    public static Optional<DocumentFormat> claimedBy(String fileName) {
        String extension = extensionOf(fileName);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }

    public static String extensionOf(String fileName) {
        if (fileName == null) return "";
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return dot > slash && dot < fileName.length() - 1 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The format of a media type found by content detection, if it is one we accept. */
    static Optional<DocumentFormat> ofMediaType(String baseType) {
        return switch (baseType) {
            case "application/pdf" -> Optional.of(PDF);
            case "application/msword", "application/x-tika-msoffice" -> Optional.of(DOC);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> Optional.of(DOCX);
            case "image/png" -> Optional.of(PNG);
            case "image/jpeg" -> Optional.of(JPEG);
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case "application/zip" -> Optional.of(ZIP);
            default -> baseType.startsWith("text/") ? Optional.of(TEXT) : Optional.empty();
        };
    }

    static String acceptedExtensions() {
        return String.join(", ", Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList());
    }
}
