package com.ipexpert.edge.messaging;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far a processor has read, as the token store in the shared database says: every segment, whichever instance
 * holds it (or none). Read without claiming anything, so any instance of any side can tell, including one that runs
 * the processor without holding a segment of it.
 */
@Component
public class StoredTokens {
    private final JdbcClient jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * @param segments the stored token of each segment (null before a segment read anything)
     * @param owners   the instances holding a claim on a segment now
     */
    public record Progress(Map<Integer, TrackingToken> segments, Set<String> owners) {
        /**
         * The slowest segment's position, where a segment this instance holds counts where it has got to: that may be
         * ahead of what is stored (a processor that handled nothing writes its token now and then). 0 with no segment.
         */
        public long position(Map<Integer, EventTrackerStatus> held) {
            Map<Integer, Long> positions = new java.util.HashMap<>();
            segments.forEach((segment, token) -> positions.put(segment, token == null ? 0 : token.position().orElse(0)));
            held.forEach((segment, status) -> {
                OptionalLong current = status.getCurrentPosition();
                positions.merge(segment, current.isPresent() ? current.getAsLong() : 0, Math::max);
            });
            return positions.values().stream().mapToLong(Long::longValue).min().orElse(0);
        }

        /** Whether a segment still carries a reset's replay token. */
        public boolean replay() {
            return segments.values().stream().anyMatch(ReplayToken::isReplay);
        }
    }

    private record Row(int segment, byte[] token, String tokenType, String owner) {
    }

    public Progress of(String processor) {
        List<Row> rows = jdbc.sql("select segment, token, token_type, owner from token_entry where processor_name = :name")
                .param("name", processor)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getBytes(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<Integer, TrackingToken> segments = new java.util.TreeMap<>();
        Set<String> owners = new TreeSet<>();
        for (Row row : rows) {
            segments.put(row.segment(), row.token() == null || row.tokenType() == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(row.token(), byte[].class, row.tokenType(), null)));
            if (row.owner() != null) owners.add(row.owner());
        }
        return new Progress(segments, owners);
    }
}
