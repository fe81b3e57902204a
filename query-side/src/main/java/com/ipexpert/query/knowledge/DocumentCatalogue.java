package com.ipexpert.query.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipexpert.api.knowledge.DocumentStatus;
import com.ipexpert.api.knowledge.DocumentViews.DocumentDetail;
import com.ipexpert.api.knowledge.DocumentViews.DocumentPage;
import com.ipexpert.api.knowledge.DocumentViews.DocumentSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code knowledge_document} catalogue into the contract's shapes. */
@Component
class DocumentCatalogue {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "select doc_id, file_name, vendor, tags, status, progress, message, created_at, updated_at from knowledge_document";
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DocumentCatalogue(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<DocumentDetail> detail(String docId) {
        return jdbc.sql(COLUMNS + " where doc_id = ?").param(docId).query(this::mapDetail).optional();
    }

    DocumentPage page(DocumentStatus status, String vendor, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (vendor != null) {
            where.append(" and lower(vendor) = lower(?)");
            params.add(vendor);
        }
        long total = jdbc.sql("select count(*) from knowledge_document" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(pageSize);
        pageParams.add((long) (page - 1) * pageSize);
        List<DocumentSummary> items = jdbc.sql(COLUMNS + where + " order by created_at desc, doc_id limit ? offset ?")
                .params(pageParams).query(this::mapDetail).list().stream()
                .map(d -> new DocumentSummary(d.docId(), d.fileName(), d.vendor(), d.tags(), d.status(), d.createdAt()))
                .toList();
        return new DocumentPage(items, total, page, pageSize);
    }

    String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags == null ? List.of() : tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DocumentDetail mapDetail(ResultSet rs, int n) throws SQLException {
        List<String> tags;
        try {
            tags = json.readValue(rs.getString(4), STRINGS);
        } catch (JsonProcessingException e) {
            tags = List.of();
        }
        return new DocumentDetail(rs.getString(1), rs.getString(2), rs.getString(3), tags,
                DocumentStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(), false);
    }
}
