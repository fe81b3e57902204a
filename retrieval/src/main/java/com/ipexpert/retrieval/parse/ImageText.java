package com.ipexpert.retrieval.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The text of a picture, such as a screenshot of a terminal an engineer attaches to a case, read by Tesseract through
 * Tika's OCR parser with the languages {@link OcrSupport} found (the same program and languages the knowledge base's
 * images are read with). The type is judged by the bytes, never by a name. Thread-safe.
 */
public final class ImageText {
    /** The raster formats Tesseract (Leptonica) reads, as content detection names them. */
    private static final Map<String, String> READABLE = Map.of(
            "image/png", "png", "image/jpeg", "jpg", "image/gif", "gif", "image/bmp", "bmp", "image/x-ms-bmp", "bmp",
            "image/tiff", "tiff", "image/webp", "webp");
    /** Pixels an image may hold: Tesseract decodes the whole picture in memory, 4 bytes a pixel and more. */
    public static final long MAX_PIXELS = 40_000_000L;

    private final OcrSupport ocr;
    /** Tika's default detector alone: the default configuration would also build every parser, which this never uses. */
    private final Detector detector = new DefaultDetector();
    private final TesseractOCRParser tesseract = new TesseractOCRParser();
    private final int timeoutSeconds;
    private final int maxChars;

    /**
     * @param timeout  how long Tesseract may take for one image
     * @param maxChars the longest text an image may give
     */
    public ImageText(OcrSupport ocr, Duration timeout, int maxChars) {
        this.ocr = ocr;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.maxChars = maxChars;
        if (ocr.available()) {
            Path program = Path.of(ocr.program());
            if (program.getParent() != null) tesseract.setTesseractPath(program.getParent().toString());
            try {
                tesseract.initialize(Map.of());
            } catch (TikaConfigException e) {
                throw new IllegalStateException("Tesseract answered but Tika cannot call it", e);
            }
        }
    }

    public OcrSupport ocr() {
        return ocr;
    }

    /** What {@link #read} accepts, for messages. */
    public static String readableFormats() {
        return READABLE.values().stream().distinct().sorted().collect(Collectors.joining(", "));
    }

    /** The image type the bytes hold, judged by content ({@code image/png}); empty when they hold no image Tesseract reads. */
    public Optional<String> imageType(byte[] content) {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            String type = detector.detect(stream, new Metadata()).getBaseType().toString();
            return READABLE.containsKey(type) ? Optional.of(type) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The usual file extension of a type {@link #imageType} found. */
    public static String extensionOf(String imageType) {
        return READABLE.getOrDefault(imageType, "img");
    }

    /**
     * The text Tesseract reads in the image, line by line, stripped; empty when it reads none.
     *
     * @throws UnreadableDocument {@code IMAGE_WITHOUT_OCR} when OCR is not enabled on this server, {@code NO_TEXT} when
     *                            the bytes are no image Tesseract reads or it cannot read them, {@code TOO_MUCH_TEXT}
     *                            when the image holds more pixels than {@link #MAX_PIXELS} or more text than allowed
     */
    public String read(String name, byte[] image) {
        if (!ocr.available()) {
            throw new UnreadableDocument(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR,
                    "the image " + name + " needs OCR, which is not enabled on this server; " + OcrSupport.HOW_TO_ENABLE);
        }
        String type = imageType(image).orElseThrow(() -> notAnImage(name));
        long pixels = pixels(image);
        if (pixels > MAX_PIXELS) {
            throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MUCH_TEXT, "the image " + name + " holds " + pixels
                    + " pixels, more than the " + MAX_PIXELS + " OCR reads; send a smaller screenshot");
        }
        BodyContentHandler text = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type);
        try (TikaInputStream stream = TikaInputStream.get(image)) {
            tesseract.parse(stream, text, metadata, context());
        } catch (IOException | SAXException | TikaException e) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "the image " + name
                    + " could not be read by OCR; send it as PNG or JPEG");
        }
        String read = text.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n"))
                .replaceAll("\n{3,}", "\n\n").strip();
        if (read.length() > maxChars) {
            throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MUCH_TEXT, "the image " + name + " holds more than "
                    + maxChars + " characters of text; paste the output as text instead");
        }
        return read;
    }

    /**
     * Device output is lines of fixed-width text, often a table: read as one block with the spaces between words kept,
     * its columns stay on their rows (Tesseract's default layout analysis reads a table's columns one after another).
     */
    private ParseContext context() {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage(ocr.languages());
        config.setPageSegMode("6");
        config.setPreserveInterwordSpacing(true);
        config.setTimeoutSeconds(timeoutSeconds);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        return context;
    }

    private static UnreadableDocument notAnImage(String name) {
        return new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "the attachment " + name
                + " is not an image OCR reads (" + readableFormats() + ")");
    }

    /** Width × height from the image's header, without decoding it; 0 when no reader of this JVM knows the format. */
    private static long pixels(byte[] image) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = input == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(input);
            if (!readers.hasNext()) return 0;
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
