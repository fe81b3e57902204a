package com.ipexpert.http;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** Screenshots of a terminal drawn in the test (headless java.awt): monospace, black on white, large enough for OCR. */
final class Screenshots {
    private Screenshots() {
    }

    /** The lines as an image in an ImageIO format ({@code png}, {@code jpg}, ...); no lines gives a blank image. */
    static byte[] of(List<String> lines, String format) {
        BufferedImage image = new BufferedImage(1300, 40 + 34 * Math.max(1, lines.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 22));
        for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), 20, 40 + 34 * i);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) throw new IllegalArgumentException("no image writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code data:<type>;base64,...}, as a client attaches a screenshot. */
    static String dataUrl(byte[] image, String type) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
    }
}
