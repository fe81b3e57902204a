package com.ipexpert.retrieval.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.Loader;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Builds real PDF, DOCX and image files in memory for parser tests. */
public final class SampleFiles {
    private SampleFiles() {}

    /** A PDF with one page per entry, each page's lines written top-down in Helvetica. */
    public static byte[] pdf(List<List<String>> pages) {
        return pdf(pages, null);
    }

    /** A PDF in the given font file (TTF or TTC), for Chinese text. */
    public static byte[] pdf(List<List<String>> pages, File fontFile) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = fontFile == null ? new PDType1Font(Standard14Fonts.FontName.HELVETICA) : loadFont(document, fontFile);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(18);
                    content.newLineAtOffset(60, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf(String text) {
        try (PDDocument document = Loader.loadPDF(pdf(List.of(List.of(text))))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose only page is a picture of text, as a scanner makes it. */
    public static byte[] scannedPdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, textImage(text));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 40, 500, 520, 120);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(String text) {
        return image(text, "png");
    }

    public static byte[] jpeg(String text) {
        return image(text, "jpg");
    }

    /** A Word document: heading 1 and 2 styles, paragraphs, and a table. */
    public static byte[] docx(DocxContent... contents) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = document.createStyles();
            for (int level = 1; level <= 3; level++) styles.addStyle(headingStyle(level));
            for (DocxContent content : contents) content.addTo(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Something that can be written into a Word document. */
    public interface DocxContent {
        void addTo(XWPFDocument document);
    }

    public static DocxContent heading(int level, String text) {
        return document -> {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setStyle("Heading" + level);
            paragraph.createRun().setText(text);
        };
    }

    public static DocxContent paragraph(String text) {
        return document -> document.createParagraph().createRun().setText(text);
    }

    public static DocxContent table(String[]... rows) {
        return document -> {
            XWPFTable table = document.createTable(rows.length, rows[0].length);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) table.getRow(r).getCell(c).setText(rows[r][c]);
            }
        };
    }

    /** A font file with Chinese glyphs that PDFBox can embed, if this machine has one. */
    public static Optional<File> chineseFont() {
        List<String> candidates = new ArrayList<>(List.of(
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));
        try {
            Process process = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                output.lines().map(l -> l.replaceAll(":\\s*$", "").strip()).filter(l -> !l.isEmpty()).forEach(candidates::add);
            }
        } catch (IOException e) {
            // no fontconfig: the fixed candidates are all we have
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return candidates.stream().map(File::new).filter(File::isFile).filter(SampleFiles::embeddable).findFirst();
    }

    private static boolean embeddable(File file) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = loadFont(document, file);
            font.encode("路由");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static PDFont loadFont(PDDocument document, File file) throws IOException {
        if (file.getName().toLowerCase().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) first[0] = font;
            });
            return PDType0Font.load(document, first[0], true);
        }
        return PDType0Font.load(document, file);
    }

    private static XWPFStyle headingStyle(int level) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading" + level);
        style.setType(STStyleType.PARAGRAPH);
        CTString name = CTString.Factory.newInstance();
        name.setVal("heading " + level);
        style.setName(name);
        CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
        outline.setVal(BigInteger.valueOf(level - 1));
        CTPPrGeneral properties = CTPPrGeneral.Factory.newInstance();
        properties.setOutlineLvl(outline);
        style.setPPr(properties);
        return new XWPFStyle(style);
    }

    /** A screenshot of a terminal: the lines in a monospace font, black on white, in the given ImageIO format. */
    public static byte[] screenshot(List<String> lines, String format) {
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 22);
        BufferedImage image = new BufferedImage(1300, 40 + 34 * lines.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), 20, 40 + 34 * i);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) throw new IllegalArgumentException("no image writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(String text, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(textImage(text), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage textImage(String text) {
        BufferedImage image = new BufferedImage(1300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        g.drawString(text, 40, 170);
        g.dispose();
        return image;
    }

    private static byte[] save(PDDocument document) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }
}
