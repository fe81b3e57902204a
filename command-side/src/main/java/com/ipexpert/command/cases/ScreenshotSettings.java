package com.ipexpert.command.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Screenshots attached to a question or an answer, under {@code ipexpert.cases.screenshots}.
 *
 * @param maxImageSize the largest image, decoded; a larger one is refused with 413
 * @param maxImages    images one question or answer may carry
 * @param ocrTimeout   how long Tesseract may take for one image
 * @param concurrentReads screenshots read at once in this process (0: one per core); OCR takes a core for seconds
 * @param readQueueWait   how long a request waits for its turn to read, after which it is refused with 429 and
 *                        {@code Retry-After}, never held until the client gives up
 */
@ConfigurationProperties("ipexpert.cases.screenshots")
public record ScreenshotSettings(@DefaultValue("5MB") DataSize maxImageSize, @DefaultValue("4") int maxImages,
                                 @DefaultValue("60s") Duration ocrTimeout, @DefaultValue("0") int concurrentReads,
                                 @DefaultValue("10s") Duration readQueueWait) {
    /** Jackson reads no longer string (its default {@code StreamReadConstraints}); base64 is 4 characters for 3 bytes. */
    static final long LARGEST_READABLE_IMAGE = 20_000_000L / 4 * 3;

    public ScreenshotSettings {
        if (maxImageSize.toBytes() < 1 || maxImageSize.toBytes() > LARGEST_READABLE_IMAGE) {
            throw new IllegalArgumentException("ipexpert.cases.screenshots.max-image-size must be between 1 byte and 14MB");
        }
        if (maxImages < 0 || maxImages > 20) throw new IllegalArgumentException("ipexpert.cases.screenshots.max-images must be 0..20");
        if (concurrentReads < 0) throw new IllegalArgumentException("ipexpert.cases.screenshots.concurrent-reads must be 0 (one per core) or more");
        if (readQueueWait.isNegative()) throw new IllegalArgumentException("ipexpert.cases.screenshots.read-queue-wait must not be negative");
        if (ocrTimeout.isNegative() || ocrTimeout.isZero()) {
            throw new IllegalArgumentException("ipexpert.cases.screenshots.ocr-timeout must be positive");
        }
    }

    /** Screenshots read at once: as configured, or one per core. */
    int readsAtOnce() {
        return concurrentReads > 0 ? concurrentReads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The largest JSON body a question or an answer with screenshots may need: every image at its largest, in base64, and 1 MB besides. */
    long maxBodyBytes() {
        return 1024 * 1024 + maxImages * ((maxImageSize.toBytes() + 2) / 3 * 4);
    }
}
