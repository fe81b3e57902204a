package com.ipexpert.retrieval.parse;

import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.Progress;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * The parse stage: decides a file's format by its content, refuses what it cannot or should not read, and
 * takes out the text with its pages, headings, command blocks and tables. Thread-safe; one instance serves
 * every upload.
 */
public final class DocumentParser {
    private static final Logger log = LoggerFactory.getLogger(DocumentParser.class);
    private static final long MAX_COMPRESSION_RATIO = 100;
    private static final int MAX_XML_DEPTH = 100;

    private final KnowledgeSettings settings;
    private final OcrSupport ocr;
    private final HtmlBundle.Limits bundleLimits;
    /** Tika's detector and parsers, built at first use ({@link #prepare}): building them is much of a start's work. */
    private volatile Tika tika;

    private record Tika(Detector detector, AutoDetectParser parser) {
    }

    public DocumentParser(KnowledgeSettings settings) {
        this(settings, OcrSupport.detect());
    }

    public DocumentParser(KnowledgeSettings settings, OcrSupport ocr) {
        this(settings, ocr, HtmlBundle.Limits.defaults().maxPages(), HtmlBundle.Limits.defaults().maxEntries(),
                HtmlBundle.Limits.defaults().maxInflatedBytes());
    }

    /**
     * @param maxBundlePages    HTML pages a zipped manual may hold
     * @param maxBundleEntries  entries of any kind a zipped manual may hold
     * @param maxBundleInflated bytes its pages may inflate to, all together
     */
    public DocumentParser(KnowledgeSettings settings, OcrSupport ocr, int maxBundlePages, int maxBundleEntries,
                          long maxBundleInflated) {
        this.bundleLimits = new HtmlBundle.Limits(maxBundlePages, maxBundleEntries, maxBundleInflated);
        this.settings = settings;
        this.ocr = ocr;
    }

    /** Builds Tika's detector and parsers now, if they are not built yet (else the first detect or parse does). */
    public void prepare() {
        tika();
    }

    private Tika tika() {
        Tika built = tika;
        if (built != null) return built;
        synchronized (this) {
            if (tika == null) {
                TikaConfig config = TikaConfig.getDefaultConfig();
                AutoDetectParser parser = new AutoDetectParser(config);
                AutoDetectParserConfig limits = new AutoDetectParserConfig();
                limits.setOutputThreshold(1_000_000);
                limits.setMaximumCompressionRatio(MAX_COMPRESSION_RATIO);
                limits.setMaximumDepth(MAX_XML_DEPTH);
                limits.setMaximumPackageEntryDepth(10);
                parser.setAutoDetectParserConfig(limits);
                tika = new Tika(config.getDetector(), parser);
            }
            return tika;
        }
    }

    public OcrSupport ocr() {
        return ocr;
    }

    /**
     * The format of a file judged by its content, checked against what its name claims. Cheap: call it at
     * upload to answer 415 before anything is stored.
     *
     * @throws UnsupportedDocumentType the name or the content is not an accepted format, or they disagree
     * @throws UnreadableDocument      the file is empty or is an encrypted Office file
     */
    public DocumentFormat detect(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "the file " + fileName + " is empty");
        }
        Optional<DocumentFormat> claimed = DocumentFormat.claimedBy(fileName);
        if (claimed.isEmpty()) {
            throw new UnsupportedDocumentType(fileName, null, "files named ." + DocumentFormat.extensionOf(fileName)
                    + " are not accepted; upload one of: " + DocumentFormat.acceptedExtensions());
        }
        String detected = detectMediaType(content);
        if (detected.equals("application/x-tika-ooxml-protected")
                && (claimed.get() == DocumentFormat.DOCX || claimed.get() == DocumentFormat.DOC)) {
            throw new UnreadableDocument(UnreadableDocument.Reason.ENCRYPTED,
                    "the file " + fileName + " is encrypted; remove the password and upload it again");
        }
        Optional<DocumentFormat> actual = DocumentFormat.ofMediaType(detected);
        if (actual.isEmpty()) {
            throw new UnsupportedDocumentType(fileName, detected, "the file " + fileName + " is named ."
                    + DocumentFormat.extensionOf(fileName) + " but its content is " + detected
                    + ", which is not accepted; upload one of: " + DocumentFormat.acceptedExtensions());
        }
        if (actual.get() != claimed.get()) {
            throw new UnsupportedDocumentType(fileName, detected, "the file " + fileName + " is named ."
                    + DocumentFormat.extensionOf(fileName) + " but its content is " + describe(actual.get())
                    + "; rename it to ." + actual.get().extensions().get(0) + " or upload the right file");
        }
        refuseWhatCannotBeRead(fileName, actual.get(), content);
        return actual.get();
    }

    /**
     * What is known to fail is refused at upload, not accepted and failed later: an image or a PDF without a text
     * layer when OCR is not installed, an HTML page that is only a script shell, a zip that is not a bounded HTML
     * manual.
     */
    private void refuseWhatCannotBeRead(String fileName, DocumentFormat format, byte[] content) {
        if (format.isImage() && !ocr.available()) {
            throw new UnreadableDocument(UnreadableDocument.Reason.IMAGE_WITHOUT_OCR,
                    "the image " + fileName + " needs OCR, which is not enabled on this server; " + OcrSupport.HOW_TO_ENABLE);
        }
        if (format == DocumentFormat.PDF && !ocr.available() && ScannedPdf.hasNoTextLayer(content)) {
            throw new UnreadableDocument(UnreadableDocument.Reason.SCANNED_WITHOUT_OCR, "the file " + fileName
                    + " looks like a scanned PDF (no page has a text layer) and OCR is not enabled on this server; upload"
                    + " a PDF with a text layer, or " + OcrSupport.HOW_TO_ENABLE);
        }
        if (format == DocumentFormat.HTML) {
            HtmlManualReader.Page page = HtmlManualReader.read(decode(content), fileName);
            refuseScriptShell(fileName, page);
        }
        if (format == DocumentFormat.ZIP) {
            HtmlBundle.pages(fileName, content, bundleLimits);
        }
    }

    private static void refuseScriptShell(String fileName, HtmlManualReader.Page page) {
        if (page.mostlyScript()) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "the page " + fileName + " is mostly script ("
                    + page.scriptChars() + " characters of script, " + page.textChars() + " of text): its text is built"
                    + " in the browser; save the page as it is shown, print it to PDF, or upload the vendor's offline manual");
        }
        if (page.textChars() == 0) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "no text found in the page " + fileName
                    + " once navigation, headers, footers and scripts are left out");
        }
    }

    private ParsedDocument parseHtml(String fileName, DocumentFormat format, byte[] content, Progress progress) {
        List<TextBlock> blocks = new java.util.ArrayList<>();
        if (format == DocumentFormat.HTML) {
            HtmlManualReader.Page page = HtmlManualReader.read(decode(content), fileName);
            refuseScriptShell(fileName, page);
            blocks.addAll(page.blocks());
        } else {
            List<HtmlBundle.Member> members = HtmlBundle.pages(fileName, content, bundleLimits);
            int done = 0;
            for (HtmlBundle.Member member : members) {
                HtmlManualReader.Page page = HtmlManualReader.read(member.html(), member.path());
                if (!page.mostlyScript()) {
                    List<TextBlock> pageBlocks = page.blocks();
                    // every page opens a new top-level section, named by its title (or its file) when it has no heading
                    if (!pageBlocks.isEmpty() && pageBlocks.get(0).kind() != BlockKind.HEADING) {
                        blocks.add(TextBlock.heading(page.title().isEmpty() ? member.path() : page.title(), 1, 0));
                    }
                    blocks.addAll(pageBlocks);
                }
                progress.update(++done, members.size());
            }
        }
        long chars = blocks.stream().mapToLong(b -> b.text().length()).sum();
        if (chars > settings.maxTextChars()) {
            throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MUCH_TEXT, "the file " + fileName + " holds more than "
                    + settings.maxTextChars() + " characters of text");
        }
        if (blocks.stream().noneMatch(b -> b.kind() != BlockKind.HEADING && !b.text().isBlank())) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "no text found in " + fileName
                    + " once navigation, headers, footers and scripts are left out");
        }
        progress.update(1, 1);
        return new ParsedDocument(fileName, format, 0, blocks);
    }

    /** UTF-8 unless the page says otherwise; jsoup reads the meta charset when given bytes. */
    private static String decode(byte[] content) {
        try {
            return org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(content), null, "").outerHtml();
        } catch (IOException e) {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The parse stage: the document's text as structural blocks.
     *
     * @param progress told of pages as they are read (paged formats only) and of the end
     * @throws UnsupportedDocumentType see {@link #detect}
     * @throws UnreadableDocument      the text cannot be had: encrypted, scanned without OCR, image without OCR,
     *                                 no text at all, over the page or text limit, or damaged
     */
    public ParsedDocument parse(String fileName, byte[] content, Progress progress) {
        DocumentFormat format = detect(fileName, content);
        if (format == DocumentFormat.HTML || format == DocumentFormat.ZIP) return parseHtml(fileName, format, content, progress);
        Metadata metadata = new Metadata();
        int[] expectedPages = {0};
        boolean markdown = format == DocumentFormat.TEXT
                && List.of("md", "markdown").contains(DocumentFormat.extensionOf(fileName));
        StructureHandler handler = new StructureHandler(markdown, settings.maxPages(), settings.maxTextChars(), page -> {
            if (expectedPages[0] == 0) {
                Integer pages = metadata.getInt(PagedText.N_PAGES);
                expectedPages[0] = pages == null ? 0 : pages;
            }
            if (expectedPages[0] > 0) progress.update(Math.min(page - 1, expectedPages[0]), expectedPages[0]);
        });
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            tika().parser().parse(stream, handler, metadata, contextFor(format));
        } catch (StructureHandler.LimitExceeded e) {
            throw new UnreadableDocument(e.reason, e.getMessage());
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocument(UnreadableDocument.Reason.ENCRYPTED,
                    "the file " + fileName + " is encrypted; remove the password and upload it again");
        } catch (ZeroByteFileException e) {
            throw new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT, "the file " + fileName + " is empty");
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            Throwable limit = causeOfType(e, StructureHandler.LimitExceeded.class);
            if (limit instanceof StructureHandler.LimitExceeded exceeded) {
                throw new UnreadableDocument(exceeded.reason, exceeded.getMessage());
            }
            if (causeOfType(e, EncryptedDocumentException.class) != null) {
                throw new UnreadableDocument(UnreadableDocument.Reason.ENCRYPTED,
                        "the file " + fileName + " is encrypted; remove the password and upload it again");
            }
            log.warn("could not parse {} as {}", fileName, format, e);
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (messagesOf(e).contains("zip bomb")) {
                throw new UnreadableDocument(UnreadableDocument.Reason.TOO_MUCH_TEXT,
                        "the file " + fileName + " expands to far more data than it holds and was refused");
            }
            throw new UnreadableDocument(UnreadableDocument.Reason.CORRUPT,
                    "the file " + fileName + " could not be read as " + describe(format) + " (" + detail
                            + "); check that it opens on your computer and upload it again");
        }
        List<TextBlock> blocks = handler.blocks();
        int pages = handler.pages();
        if (blocks.stream().noneMatch(b -> !b.text().isBlank())) {
            throw noText(fileName, format, pages);
        }
        progress.update(1, 1);
        return new ParsedDocument(fileName, format, pages, blocks);
    }

    private UnreadableDocument noText(String fileName, DocumentFormat format, int pages) {
        if (format == DocumentFormat.PDF && pages > 0 && !ocr.available()) {
            return new UnreadableDocument(UnreadableDocument.Reason.SCANNED_WITHOUT_OCR, "the file " + fileName
                    + " looks like a scanned PDF and OCR is not enabled on this server; upload a PDF with a text"
                    + " layer, or " + OcrSupport.HOW_TO_ENABLE);
        }
        return new UnreadableDocument(UnreadableDocument.Reason.NO_TEXT,
                "no text found in " + fileName + "; a scan or a picture of text needs a clearer image");
    }

    private ParseContext contextFor(DocumentFormat format) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, tika().parser());
        context.set(EmbeddedDocumentExtractor.class, new SkipAttachments(context));
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(ocr.available() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        if (ocr.available()) {
            tesseract.setLanguage(ocr.languages());
        } else {
            tesseract.setSkipOcr(true);
        }
        context.set(TesseractOCRConfig.class, tesseract);
        return context;
    }

    private String detectMediaType(byte[] content) {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            MediaType type = tika().detector().detect(stream, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static String describe(DocumentFormat format) {
        return switch (format) {
            case PDF -> "a PDF document";
            case DOC -> "a Word 97-2003 document";
            case DOCX -> "a Word document";
            case TEXT -> "plain text";
            case HTML -> "an HTML page";
            case ZIP -> "a zip archive";
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
        };
    }

    private static String messagesOf(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(' ').append(t.getMessage());
            if (t instanceof SAXException sax && sax.getException() != null) messages.append(' ').append(sax.getException().getMessage());
        }
        return messages.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Throwable causeOfType(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return t;
            if (t instanceof SAXException sax && sax.getException() != null && type.isInstance(sax.getException())) {
                return sax.getException();
            }
        }
        return null;
    }

    /**
     * Attachments inside a document (images in a DOCX, files in a PDF) are not knowledge we index. Tika finds
     * its OCR parser for images and scanned pages through this extractor's parser, so it must stay a
     * {@link ParsingEmbeddedDocumentExtractor} that merely declines to parse.
     */
    private static final class SkipAttachments extends ParsingEmbeddedDocumentExtractor {
        SkipAttachments(ParseContext context) {
            super(context);
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }
    }
}
