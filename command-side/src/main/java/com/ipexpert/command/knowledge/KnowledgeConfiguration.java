package com.ipexpert.command.knowledge;

import com.ipexpert.edge.operations.HeapFootprint;
import com.ipexpert.retrieval.KnowledgePipeline;
import com.ipexpert.retrieval.KnowledgeSettings;
import com.ipexpert.retrieval.embed.BilingualEmbedder;
import com.ipexpert.retrieval.index.KnowledgeIndex;
import com.ipexpert.retrieval.parse.DocumentParser;
import com.ipexpert.retrieval.parse.OcrSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the knowledge base on the command side: the engine with its one Lucene index in {@code <data-dir>/index},
 * the file store in {@code <data-dir>/files}, the checksum register, the ingestion worker and the index's writers.
 * The index has exactly one writer process; searches from elsewhere arrive as queries.
 */
@Configuration
@EnableConfigurationProperties(IngestionSettings.class)
public class KnowledgeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean
    KnowledgeSettings knowledgeSettings() {
        return KnowledgeSettings.defaults();
    }

    /**
     * Whether Tesseract answers, asked once at start through the configured program
     * ({@code ipexpert.knowledge.ocr-command}); images and scanned PDFs are refused at upload without it.
     */
    @Bean
    OcrSupport ocrSupport(@Value("${ipexpert.knowledge.ocr-command:tesseract}") String command) {
        OcrSupport ocr = OcrSupport.detect(command);
        log.info("Knowledge OCR: {}", ocr.available() ? ocr + " (" + command + ")" : "not available (" + command
                + " does not answer); images and scanned PDFs are refused at upload");
        return ocr;
    }

    @Bean
    InfoContributor ocrInfo(OcrSupport ocr) {
        return info -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available", ocr.available());
            details.put("languages", ocr.languages());
            details.put("command", ocr.program());
            if (!ocr.available()) details.put("howToEnable", OcrSupport.HOW_TO_ENABLE);
            info.withDetail("ocr", details);
        };
    }

    /**
     * The embedding models, loading on a thread of their own from the moment the application starts, so it answers
     * (and reports healthy) before they are there; a search waits for them at most {@code ipexpert.knowledge.ready-wait},
     * then is refused with 503. {@code /actuator/health/knowledge} says when they are ready. ONNX Runtime's native
     * libraries are kept in {@code <data-dir>/native/onnxruntime}, copied there once, not into a new temporary
     * directory at every start.
     */
    @Bean
    BilingualEmbedder knowledgeEmbedder(KnowledgeSettings settings,
                                        @Value("${ipexpert.knowledge.ready-wait:30s}") Duration readyWait,
                                        @Value("${ipexpert.data-dir:./data}") Path dataDir) {
        return BilingualEmbedder.bge(settings, readyWait, dataDir.resolve("native").resolve("onnxruntime"));
    }

    @Bean
    KnowledgeHealth knowledgeHealthIndicator(BilingualEmbedder embedder, ObjectProvider<HeapFootprint> heap) {
        embedder.whenReady(() -> {
            log.info("Knowledge engine ready: embedding models loaded in {} ms", embedder.loadMillis());
            heap.ifAvailable(h -> h.compact("the embedding models are loaded"));
        });
        return new KnowledgeHealth(embedder);
    }

    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = KnowledgeIndexStore.PROPERTY, havingValue = "lucene", matchIfMissing = true)
    KnowledgePipeline knowledgePipeline(@Value("${ipexpert.data-dir:./data}") Path dataDir, KnowledgeSettings settings,
                                        OcrSupport ocr, BilingualEmbedder embedder) {
        return KnowledgePipeline.onDisk(dataDir.resolve("index"), settings, new DocumentParser(settings, ocr), embedder);
    }

    /**
     * Builds the document parsers once the application is ready, on a thread of their own: about half a second of a
     * start's main thread otherwise, for what only an upload needs (one arriving sooner builds them itself).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> documentParsersAfterStart(KnowledgePipeline pipeline) {
        return ready -> {
            Thread thread = new Thread(pipeline::prepare, "document-parsers");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(KnowledgePipeline pipeline) {
        return pipeline.index();
    }

    @Bean
    @ConditionalOnProperty(name = DocumentFileStore.PROPERTY, havingValue = "directory", matchIfMissing = true)
    DocumentFiles documentFiles(@Value("${ipexpert.data-dir:./data}") Path dataDir) {
        return new DirectoryDocumentFiles(dataDir.resolve("files"));
    }

    @Bean
    DocumentChecksums documentChecksums(JdbcClient jdbc) {
        return new JdbcDocumentChecksums(jdbc);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DocumentUploads documentUploads(DocumentChecksums checksums, ApplicationContext context) {
        return new DocumentUploads(checksums, () -> (Repository<Document>) context.getBean("documentRepository", Repository.class));
    }

    @Bean
    DocumentRecords documentRecords(EventStore eventStore) {
        return new DocumentRecords(eventStore);
    }

    @Bean
    KnowledgeIndexing knowledgeIndexing(KnowledgePipeline pipeline) {
        return new KnowledgeIndexing(pipeline);
    }

    @Bean(destroyMethod = "close")
    IngestionWorker ingestionWorker(KnowledgePipeline pipeline, KnowledgeIndexing indexing, DocumentFiles files,
                                    DocumentRecords records, CommandGateway commands, IngestionSettings settings,
                                    Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), task -> {
            Thread thread = new Thread(task, "ingestion-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new IngestionWorker(pipeline, indexing, files, records, commands, executor, clock);
    }

    @Bean
    KnowledgeIndexProjection knowledgeIndexProjection(KnowledgeIndexing indexing, DocumentRecords records) {
        return new KnowledgeIndexProjection(indexing, records);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DocumentRemovals documentRemovals(DocumentChecksums checksums, ApplicationContext context, DocumentFiles files,
                                      KnowledgeIndexing indexing) {
        return new DocumentRemovals(checksums, () -> (Repository<Document>) context.getBean("documentRepository", Repository.class),
                files, indexing::delete);
    }

    @Bean
    DocumentChunkReads documentChunkReads(DocumentRecords records) {
        return new DocumentChunkReads(records);
    }

    /** The agent's retrieval (picked up by {@code AgentConfiguration}) and the answerer of search queries. */
    @Bean
    KnowledgeSearch knowledgeSearch(KnowledgeIndex index) {
        return new KnowledgeSearch(index);
    }
}
