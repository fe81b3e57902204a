package com.ipexpert.command.cases;

import com.ipexpert.analyst.secrets.SecretMasker;
import com.ipexpert.api.cases.Attachment;
import com.ipexpert.api.errors.ErrorKind;
import com.ipexpert.edge.errors.ApiException;
import com.ipexpert.edge.errors.RequestBodyLimit;
import com.ipexpert.retrieval.parse.ImageText;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's or an answer's attachments as they will be stored. A name or a link stays as given; pasted text keeps its
 * text, secrets masked; a screenshot ({@code data:image/...;base64,...}) is read by OCR here, before any command is
 * sent, and becomes {@code {name, reference: the text read}}: an event holds the text, never the image. Everything is
 * checked before the first image is read, so a refused request costs no OCR.
 */
class CaseAttachments {
    static final int MAX_ATTACHMENTS = 20;
    /** The most text one image may give: the analyst reads no more of pasted output either. */
    static final int MAX_IMAGE_TEXT = 64 * 1024;
    /**
     * The text the attachments of one question may hold as stored, screenshots' text included: with the question, the
     * event stays under 1 MB (a body with screenshots may be far larger than the 1 MB any other body may have).
     */
    static final int MAX_STORED_TEXT = 960 * 1024;
    /** Added to the name of a screenshot in which OCR read nothing; its reference is then empty. */
    static final String NO_TEXT_FOUND = " (OCR found no text)";

    private static final Pattern DATA_URL = Pattern.compile("(?is)^data:([^,]*),(.*)$");
    private static final Pattern DATA_URL_START = Pattern.compile("(?i)\\s*data:[^,\\s]*,");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ImageText images;
    private final ScreenshotSettings settings;
    /** Turns to read a screenshot: OCR holds a core for seconds, so a burst of them waits its turn or is refused. */
    private final java.util.concurrent.Semaphore reading;

    CaseAttachments(ImageText images, ScreenshotSettings settings) {
        this.images = images;
        this.settings = settings;
        this.reading = new java.util.concurrent.Semaphore(settings.readsAtOnce(), true);
    }

    /** An attachment as the client sent it: text to keep, or an image still to read. */
    private record Given(String name, String reference, byte[] image, String imageType) {
    }

    /**
     * Attachments arrive as strings (a name, a link or pasted text) or objects with a name and a
     * url/reference/id/content; a {@code data:} URL in any of those is an image.
     */
    List<Attachment> read(List<Object> raw) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_ATTACHMENTS) throw ApiException.badRequest("at most " + MAX_ATTACHMENTS + " attachments per question");
        List<Given> given = new ArrayList<>();
        for (Object item : raw) given.add(given(item, given.size() + 1));
        long screenshots = given.stream().filter(g -> g.image() != null).count();
        if (screenshots > settings.maxImages()) {
            throw ApiException.badRequest("at most " + settings.maxImages() + " screenshots per question or answer");
        }
        long typed = given.stream().filter(g -> g.image() == null).mapToLong(g -> g.name().length() + g.reference().length()).sum();
        if (typed > MAX_STORED_TEXT) throw tooMuchText();
        List<Attachment> out = new ArrayList<>();
        for (Given g : given) {
            if (g.image() == null) {
                out.add(new Attachment(masked(g.name()), masked(g.reference())));
                continue;
            }
            String text = SecretMasker.mask(readInTurn(g)).text();
            out.add(text.isEmpty() ? new Attachment(masked(g.name()) + NO_TEXT_FOUND, "") : new Attachment(masked(g.name()), text));
        }
        if (out.stream().mapToLong(a -> a.name().length() + a.reference().length()).sum() > MAX_STORED_TEXT) throw tooMuchText();
        return out;
    }

    /** Reads a screenshot once a turn is free, waiting at most {@code read-queue-wait}. */
    private String readInTurn(Given screenshot) {
        boolean turn;
        try {
            turn = reading.tryAcquire(settings.readQueueWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.ipexpert.edge.errors.RateLimitExceeded("the screenshots were not read: the request was interrupted", 5);
        }
        if (!turn) {
            throw new com.ipexpert.edge.errors.RateLimitExceeded("screenshots of other questions are being read ("
                    + settings.readsAtOnce() + " at once); try again in a few seconds, or paste the output as text", 5);
        }
        try {
            return images.read(screenshot.name(), screenshot.image());
        } finally {
            reading.release();
        }
    }

    /** Taken by a test to hold every turn. */
    java.util.concurrent.Semaphore turns() {
        return reading;
    }

    private static ApiException tooMuchText() {
        return new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, "the attachments hold more than " + MAX_STORED_TEXT / 1024
                + " KB of text, with what OCR read from the screenshots");
    }

    /**
     * A body that may carry screenshots may be larger than 1 MB ({@link ScreenshotSettings#maxBodyBytes()}), but what it
     * holds besides them may not: checked as it is read, before its text is masked or stored.
     */
    static void boundTextBesidesScreenshots(Object... parts) {
        long chars = 0;
        for (Object part : parts) chars += textBesidesScreenshots(part);
        if (chars > RequestBodyLimit.MAX_JSON_BYTES) {
            throw new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, "besides its screenshots, the request holds more than 1 MB of text");
        }
    }

    private static long textBesidesScreenshots(Object value) {
        if (value instanceof String s) return isDataUrl(s) ? 0 : s.length();
        long chars = 0;
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) chars += String.valueOf(e.getKey()).length() + textBesidesScreenshots(e.getValue());
        } else if (value instanceof List<?> l) {
            for (Object item : l) chars += textBesidesScreenshots(item);
        } else if (value != null) {
            chars += String.valueOf(value).length();
        }
        return chars;
    }

    private Given given(Object item, int position) {
        if (item instanceof String s && !s.isBlank()) {
            if (isDataUrl(s)) return image(null, s, position);
            return new Given(s.trim(), s.trim(), null, null);
        }
        if (item instanceof Map<?, ?> m) {
            Object name = firstOf(m, "name", "fileName", "filename");
            for (String key : List.of("content", "reference", "url")) {
                if (m.get(key) instanceof String s && isDataUrl(s)) return image(name == null ? null : String.valueOf(name), s, position);
            }
            Object ref = firstOf(m, "reference", "url", "docId", "id", "content");
            if (name == null && ref == null) throw ApiException.badRequest("an attachment needs a name or a url");
            return new Given(name == null ? String.valueOf(ref) : String.valueOf(name),
                    ref == null ? String.valueOf(name) : String.valueOf(ref), null, null);
        }
        throw ApiException.badRequest("attachments must be strings or objects with a name and a url");
    }

    private Given image(String name, String dataUrl, int position) {
        String called = name == null || name.isBlank() ? "attachment " + position : name.strip();
        Matcher url = DATA_URL.matcher(dataUrl.strip());
        if (!url.matches() || !url.group(1).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw ApiException.badRequest("the attachment " + called + " must be an image as a base64 data URL"
                    + " (data:image/png;base64,...)");
        }
        String base64 = WHITESPACE.matcher(url.group(2)).replaceAll("");
        long max = settings.maxImageSize().toBytes();
        if (base64.length() / 4 * 3 - 2 > max) throw tooLarge(called, max);
        byte[] image;
        try {
            image = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the attachment " + called + " is not valid base64 (" + e.getMessage() + ")");
        }
        if (image.length == 0) throw ApiException.badRequest("the attachment " + called + " is empty");
        if (image.length > max) throw tooLarge(called, max);
        String type = images.imageType(image).orElseThrow(() -> ApiException.badRequest("the attachment " + called
                + " is not an image OCR reads (" + ImageText.readableFormats() + ")"));
        String fileName = name == null || name.isBlank() ? "screenshot-" + position + "." + ImageText.extensionOf(type) : name.strip();
        return new Given(fileName, null, image, type);
    }

    private static ApiException tooLarge(String name, long max) {
        return new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, "the image " + name + " is larger than " + readable(max)
                + "; crop the screenshot to the output, or paste the output as text");
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** {@code data:<type>[;base64],...}: text that merely starts with "data: " is no URL. */
    static boolean isDataUrl(String s) {
        return DATA_URL_START.matcher(s).region(0, Math.min(s.length(), 300)).lookingAt();
    }

    /**
     * A screenshot is an attachment: a data URL anywhere else in an answer would be stored as it is, so it is refused.
     */
    static void refuseImagesOutsideAttachments(Object value) {
        if (value instanceof String s && isDataUrl(s)) {
            throw ApiException.badRequest("a screenshot goes in attachments ([{\"name\": \"ospf.png\", \"content\": \"data:image/png;base64,...\"}]),"
                    + " where it is read by OCR; it is not stored as sent");
        }
        if (value instanceof Map<?, ?> m) m.values().forEach(CaseAttachments::refuseImagesOutsideAttachments);
        if (value instanceof List<?> l) l.forEach(CaseAttachments::refuseImagesOutsideAttachments);
    }

    private static String masked(String text) {
        return SecretMasker.mask(text).text();
    }

    private static Object firstOf(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            Object v = map.get(key);
            if (v != null && !String.valueOf(v).isBlank()) return v;
        }
        return null;
    }
}
