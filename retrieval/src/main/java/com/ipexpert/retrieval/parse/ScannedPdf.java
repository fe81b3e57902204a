package com.ipexpert.retrieval.parse;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Tells a PDF whose pages are only pictures (a scan) from one with a text layer, cheaply, at upload. */
final class ScannedPdf {

    private ScannedPdf() {
    }

    /** True when the PDF opens and none of its pages carries text; false when it has text or cannot be judged here. */
    static boolean hasNoTextLayer(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0) return false;
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (!stripper.getText(pdf).isBlank()) return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the parse stage will say what is wrong with it
        }
    }
}
