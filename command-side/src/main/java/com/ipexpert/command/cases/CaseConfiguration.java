package com.ipexpert.command.cases;

import com.ipexpert.edge.errors.JsonBodyAllowance;
import com.ipexpert.retrieval.parse.ImageText;
import com.ipexpert.retrieval.parse.OcrSupport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Pattern;

/** What the case aggregate's handlers are given besides their command, and how the case endpoints read attachments. */
@Configuration
@EnableConfigurationProperties(ScreenshotSettings.class)
class CaseConfiguration {
    private static final Pattern TAKES_SCREENSHOTS = Pattern.compile("/api/v1/cases(/[^/]+/interactions)?/?");

    /** Looked up when first used: Axon's configuration builds the node repository after this bean exists. */
    @Bean
    CaseNodes caseNodes(org.axonframework.config.Configuration axon) {
        return new CaseNodes(() -> axon.repository(Node.class));
    }

    /** Screenshots are read with the Tesseract the knowledge base found at start ({@code ipexpert.knowledge.ocr-command}). */
    @Bean
    CaseAttachments caseAttachments(OcrSupport ocr, ScreenshotSettings settings) {
        return new CaseAttachments(new ImageText(ocr, settings.ocrTimeout(), CaseAttachments.MAX_IMAGE_TEXT), settings);
    }

    /** A question or an answer may carry its screenshots in base64: its body may be that much larger than 1 MB. */
    @Bean
    JsonBodyAllowance screenshotBodies(ScreenshotSettings settings) {
        return request -> "POST".equals(request.getMethod())
                && TAKES_SCREENSHOTS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
                ? settings.maxBodyBytes() : 0;
    }
}
