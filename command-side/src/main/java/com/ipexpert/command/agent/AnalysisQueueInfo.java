package com.ipexpert.command.agent;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows the analysis queue in {@code /actuator/info}: opening a case never waits for its analysis, so when steps
 * arrive faster than the workers finish them they queue, and this says how many wait and how many run.
 */
@Component
class AnalysisQueueInfo implements InfoContributor {
    private final ThreadPoolTaskExecutor executor;

    AnalysisQueueInfo(@Qualifier("analysisExecutor") ThreadPoolTaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("workers", executor.getMaxPoolSize());
        queue.put("running", executor.getActiveCount());
        queue.put("queued", executor.getQueueSize());
        queue.put("completed", executor.getThreadPoolExecutor().getCompletedTaskCount());
        builder.withDetail("analysisQueue", queue);
    }
}
