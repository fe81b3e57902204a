package com.ipexpert.http;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description is complete enough to generate a typed client from (the console's is). */
class OpenApiDescriptionTest extends ApplicationTest {
    /** The snapshot the console's typed client is generated from ({@code npm run api-types}). */
    static final Path SNAPSHOT = Path.of("../console/openapi/api-docs.json");
    /** Where a stale snapshot's replacement is written: the description this build serves. */
    static final Path SERVED = Path.of("target/openapi/api-docs.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode docs() {
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.body();
    }

    @Test
    void every_json_answer_of_the_api_has_a_typed_schema() {
        JsonNode docs = docs();
        List<String> untyped = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            if (responses == null) return;
            responses.fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().get("content");
                if (content == null) return;
                assertThat(content.has("*/*")).as(path.getKey() + " " + op.getKey() + " answers */*").isFalse();
                JsonNode json = content.get("application/json");
                if (json != null && freeForm(docs, json.get("schema"))) untyped.add(op.getKey() + " " + path.getKey() + " " + response.getKey());
            });
        }));
        assertThat(untyped).as("answers without a typed schema").isEmpty();
        JsonNode login = docs.at("/components/schemas/LoginResponse");
        assertThat(login.at("/required").toString()).contains("access_token", "token_type", "expires_in", "user_info");
        assertThat(docs.at("/components/schemas/UserInfo/properties/roles/items/enum").toString()).contains("auditor", "analyst");
    }

    @Test
    void login_is_public_and_every_other_call_documents_the_error_shape() {
        JsonNode docs = docs();
        JsonNode login = docs.at("/paths/~1api~1v1~1auth~1login/post");
        assertThat(login.get("security")).isNotNull();
        assertThat(login.get("security").isEmpty()).isTrue();
        assertThat(login.at("/responses/401/content/application~1json/schema/$ref").asText()).endsWith("/ApiError");
        assertThat(docs.at("/security/0").has("bearer")).isTrue();

        JsonNode answer = docs.at("/paths/~1api~1v1~1cases~1{caseId}~1interactions/post/responses");
        for (String code : List.of("400", "401", "403", "404", "409", "500")) {
            assertThat(answer.at("/" + code + "/content/application~1json/schema/$ref").asText()).as(code).endsWith("/ApiError");
        }
        assertThat(docs.at("/components/schemas/ErrorDetail/properties/type/enum").toString()).contains("NOT_FOUND", "CONFLICT");
    }

    @Test
    void requests_say_what_is_required_and_which_values_are_allowed() {
        JsonNode docs = docs();
        assertThat(docs.at("/components/schemas/OpenCaseRequest/required").toString()).contains("query");
        assertThat(docs.at("/components/schemas/OpenCaseRequest/properties/query/example").asText()).isNotBlank();
        assertThat(docs.at("/components/schemas/InteractionRequest/required").toString()).contains("parentNodeId", "response");
        assertThat(docs.at("/components/schemas/InteractionRequest/properties/retrievalWeight/maximum").asInt()).isEqualTo(1);
        assertThat(docs.at("/components/schemas/FeedbackRequest/properties/outcome/enum").toString()).contains("solved", "unsolved");
        assertThat(docs.at("/components/schemas/ReviewRequest/properties/decision/enum").toString()).contains("approve", "reject");
        assertThat(docs.at("/components/schemas/NodeView/properties/status/enum").toString()).contains("FAILED");
        JsonNode range = parameter(docs.at("/paths/~1api~1v1~1statistics/get/parameters"), "timeRange");
        assertThat(range.at("/schema/enum").toString()).isEqualTo("[\"7d\",\"30d\",\"90d\"]");
        JsonNode caseStatus = parameter(docs.at("/paths/~1api~1v1~1cases/get/parameters"), "status");
        assertThat(caseStatus.at("/schema/enum").toString()).contains("open");
        JsonNode vendor = parameter(docs.at("/paths/~1api~1v1~1cases/get/parameters"), "vendor");
        assertThat(vendor.at("/schema/enum").isMissingNode()).as("a parameter without values of its own").isTrue();
    }

    @Test
    void the_upload_documents_its_multipart_fields() {
        JsonNode upload = docs().at("/paths/~1api~1v1~1knowledge~1documents/post");
        JsonNode form = upload.at("/requestBody/content/multipart~1form-data/schema");
        assertThat(form.at("/properties/file/format").asText()).isEqualTo("binary");
        assertThat(form.at("/properties/tags/type").asText()).isEqualTo("array");
        assertThat(form.at("/properties/vendor/type").asText()).isEqualTo("string");
        assertThat(form.at("/required").toString()).contains("file");
        List<String> queryParameters = new ArrayList<>();
        upload.path("parameters").forEach(p -> queryParameters.add(p.get("name").asText()));
        assertThat(queryParameters).doesNotContain("file", "tags", "vendor");
        for (String code : List.of("409", "413", "415")) assertThat(upload.at("/responses/" + code).isMissingNode()).as(code).isFalse();
    }

    @Test
    void the_console_client_is_generated_from_the_description_the_application_serves() throws IOException {
        ObjectNode served = (ObjectNode) docs();
        served.remove("servers"); // the random port of this run; the client calls its own origin
        ObjectNode snapshot = (ObjectNode) JSON.readTree(SNAPSHOT.toFile());
        snapshot.remove("servers");
        if (served.equals(snapshot)) return;

        Files.createDirectories(SERVED.getParent());
        DefaultPrettyPrinter fourSpaces = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n")).withArrayIndenter(new DefaultIndenter("    ", "\n"))
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        Files.writeString(SERVED, JSON.writer(fourSpaces).writeValueAsString(served) + "\n");
        List<String> differences = new ArrayList<>();
        differences("", snapshot, served, differences);
        throw new AssertionError("""
                console/openapi/api-docs.json, the snapshot the console's typed client is generated from, differs from \
                the description this application serves at /v3/api-docs (%d differences; %s).
                This run wrote what the application serves to standalone/target/openapi/api-docs.json. To regenerate the \
                snapshot and the client, from the repository root:
                    cp standalone/target/openapi/api-docs.json console/openapi/api-docs.json && (cd console && npm run api-types)
                then build the console (cd console && npm run build) and commit both console/openapi/api-docs.json and \
                console/src/api/schema.d.ts.""".formatted(differences.size(),
                String.join("; ", differences.subList(0, Math.min(8, differences.size())))));
    }

    /** JSON pointers where the two differ: "+" only served, "-" only in the snapshot, "~" changed. */
    private static void differences(String at, JsonNode snapshot, JsonNode served, List<String> out) {
        if (snapshot.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>();
            snapshot.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!snapshot.has(name)) out.add("+ " + pointer);
                else if (!served.has(name)) out.add("- " + pointer);
                else differences(pointer, snapshot.get(name), served.get(name), out);
            }
        } else if (!snapshot.equals(served)) {
            out.add("~ " + (at.isEmpty() ? "/" : at));
        }
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) if (name.equals(p.get("name").asText())) return p;
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    /** A schema that says nothing of its fields: an object with no properties, or an array of those. */
    private static boolean freeForm(JsonNode docs, JsonNode schema) {
        if (schema == null) return true;
        if (schema.has("$ref")) return false;
        if (schema.has("items")) return freeForm(docs, schema.get("items"));
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        if (!type.equals("object") && !type.isEmpty()) return false;
        return !schema.has("properties") || schema.get("properties").isEmpty();
    }

}
