package com.ipexpert.query.statistics;

import com.ipexpert.api.statistics.StatisticsViews.KnowledgeCoverage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How well indexed knowledge covers each topic and vendor. Not measured yet: the measure (probe questions per topic
 * answered by retrieval filtered to a vendor) needs the knowledge index, so until it is wired the dashboard shows
 * no coverage rather than made-up numbers.
 */
@Component
class KnowledgeCoverageSource {
    List<KnowledgeCoverage> current() {
        return List.of();
    }
}
