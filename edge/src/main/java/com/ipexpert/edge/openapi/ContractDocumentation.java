package com.ipexpert.edge.openapi;

import com.ipexpert.api.errors.ErrorKind;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Completes the generated OpenAPI description so a client generated from it is typed end to end: typed schemas for
 * the answers the controllers build as maps, required fields and enums, the upload's multipart fields, the error
 * shape on every operation, login as public, JSON (not any type) as the answer's media type, and examples.
 * It works on the finished description by path and schema name (both fixed by the contract), so controllers stay as
 * they are; anything a controller already types itself is left alone.
 */
@Component
public class ContractDocumentation implements OpenApiCustomizer {
    private static final String JSON = "application/json";
    private static final String ERROR = "ApiError";
    private static final List<String> ROLES = List.of("user", "admin", "auditor", "analyst");
    /** Request bodies: only what a client must send is required. */
    private static final Map<String, List<String>> REQUEST_REQUIRED = Map.of(
            "LoginRequest", List.of("username", "password"),
            "OpenCaseRequest", List.of("query"),
            "InteractionRequest", List.of("parentNodeId", "response"),
            "FeedbackRequest", List.of("outcome"),
            "ReviewRequest", List.of("decision"),
            "NewUser", List.of("username", "email", "password"),
            "NewKey", List.of("name", "roles"));
    /** Answer fields that may be null (every field of an answer is present: the API writes nulls too). */
    private static final Map<String, Set<String>> NULLABLE = Map.of(
            "CaseGraph", Set.of("category", "vendor"),
            "NodeView", Set.of("content", "metadata"),
            "DocumentSummary", Set.of("vendor"),
            "DocumentDetail", Set.of("vendor", "message"),
            "FeedbackItem", Set.of("comment", "corrected_solution", "reviewedBy", "reviewedAt"),
            "StatisticsCase", Set.of("category", "vendor", "solvedAt"),
            "ChainVerdict", Set.of("firstInvalid"),
            "AuditEvent", Set.of("correlationId", "actor"),
            "KnowledgeHit", Set.of("vendor", "location"),
            "AuditCase", Set.of("owner"));

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        if (components.getSchemas() == null) components.setSchemas(new LinkedHashMap<>());
        Map<String, Schema> schemas = components.getSchemas();

        addSchemas(schemas);
        describeRequests(schemas);
        describeAnswers(schemas);
        if (openApi.getPaths() == null) return;

        answer(openApi, "/api/v1/auth/login", PathItem.HttpMethod.POST, ref("LoginResponse"));
        answer(openApi, "/api/v1/auth/me", PathItem.HttpMethod.GET, ref("UserInfo"));
        answer(openApi, "/api/v1/users", PathItem.HttpMethod.GET, new ArraySchema().items(ref("UserInfo")));
        answer(openApi, "/api/v1/users", PathItem.HttpMethod.POST, ref("UserInfo"));
        answer(openApi, "/api/v1/cases", PathItem.HttpMethod.POST, ref("OpenedCase"));
        answer(openApi, "/api/v1/cases/{caseId}/interactions", PathItem.HttpMethod.POST, ref("InteractionAnswer"));
        answer(openApi, "/api/v1/cases/{caseId}/feedback", PathItem.HttpMethod.POST, ref("FeedbackAnswer"));
        answer(openApi, "/api/v1/cases/{caseId}/close", PathItem.HttpMethod.POST, ref("ClosedCase"));
        answer(openApi, "/api/v1/cases/{caseId}/reopen", PathItem.HttpMethod.POST, ref("ReopenedCase"));
        answer(openApi, "/api/v1/admin/api-keys", PathItem.HttpMethod.GET, new ArraySchema().items(ref("ApiKey")));
        answer(openApi, "/api/v1/admin/api-keys", PathItem.HttpMethod.POST, ref("CreatedApiKey"));
        answer(openApi, "/api/v1/cases/{caseId}/nodes/{nodeId}/retry", PathItem.HttpMethod.POST, ref("NodeView"));
        answer(openApi, "/api/v1/knowledge/documents", PathItem.HttpMethod.POST, ref("DocumentQueued"));
        answer(openApi, "/api/v1/knowledge/documents/{docId}/reparse", PathItem.HttpMethod.PUT, ref("DocumentQueued"));
        answer(openApi, "/api/v1/admin/knowledge/index", PathItem.HttpMethod.GET, ref("IndexState"));
        answer(openApi, "/api/v1/admin/knowledge/reindex", PathItem.HttpMethod.POST, ref("IndexState"));

        operation(openApi, "/api/v1/auth/login", PathItem.HttpMethod.POST, op -> op.setSecurity(List.of()));
        operation(openApi, "/api/v1/knowledge/documents", PathItem.HttpMethod.POST, ContractDocumentation::multipartUpload);
        enumParameter(openApi, "/api/v1/statistics", "timeRange", List.of("7d", "30d", "90d"), "30d");
        enumParameter(openApi, "/api/v1/cases", "status", List.of("open", "solved", "closed"), null);
        enumParameter(openApi, "/api/v1/knowledge/documents", "status", List.of("QUEUED", "PARSING", "INDEXED", "FAILED"), null);
        enumParameter(openApi, "/api/v1/feedback", "review_status", List.of("pending", "approved", "rejected"), null);
        enumParameter(openApi, "/api/v1/statistics/cases", "status", List.of("open", "solved", "closed"), null);

        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            jsonAnswers(path, op);
            errorAnswers(path, method, op);
        }));
        schemas.remove("SseEmitter");
        schemas.remove("StreamingResponseBody");
    }

    // ---- schemas the controllers build as maps, and the error shape ----

    private static void addSchemas(Map<String, Schema> schemas) {
        schemas.putIfAbsent("ErrorDetail", object("What went wrong, in words a user can act on",
                Map.of("type", new StringSchema()._enum(Arrays.stream(ErrorKind.values()).map(Enum::name).toList())
                                .example("INVALID_REQUEST"),
                        "message", new StringSchema().example("问题描述不能为空")),
                List.of("type", "message")));
        schemas.putIfAbsent(ERROR, object("Every error, the web server's own included, has this shape",
                ordered("code", new IntegerSchema().example(400),
                        "status", new StringSchema()._enum(List.of("error")),
                        "error", ref("ErrorDetail")),
                List.of("code", "status", "error")));
        schemas.putIfAbsent("UserInfo", object("An account as the API shows it (never its password)",
                ordered("id", new StringSchema(), "username", new StringSchema().example("alice"),
                        "email", new StringSchema().example("alice@example.com"),
                        "roles", new ArraySchema().items(new StringSchema()._enum(ROLES))),
                List.of("id", "username", "email", "roles")));
        schemas.putIfAbsent("LoginResponse", object("A bearer token and who it belongs to",
                ordered("access_token", new StringSchema(), "token_type", new StringSchema()._enum(List.of("Bearer")),
                        "expires_in", new IntegerSchema().format("int64").description("seconds").example(28800),
                        "user_info", ref("UserInfo")),
                List.of("access_token", "token_type", "expires_in", "user_info")));
        schemas.putIfAbsent("OpenedCase", object("The case as opened: the question node and the running analysis node",
                ordered("caseId", new StringSchema(), "title", new StringSchema().example("OSPF邻居状态卡在ExStart"),
                        "nodes", new ArraySchema().items(ref("NodeView")), "edges", new ArraySchema().items(ref("EdgeView"))),
                List.of("caseId", "title", "nodes", "edges")));
        schemas.putIfAbsent("InteractionAnswer", object("The engineer's answer node and the analysis it started",
                ordered("newNodes", new ArraySchema().items(ref("NodeView")), "newEdges", new ArraySchema().items(ref("EdgeView")),
                        "processingNodeId", new StringSchema()),
                List.of("newNodes", "newEdges", "processingNodeId")));
        schemas.putIfAbsent("FeedbackAnswer", object("Feedback stored, pending review",
                ordered("status", new StringSchema()._enum(List.of("success")), "message", new StringSchema(),
                        "feedbackId", new StringSchema(), "processingNodeId", nullable(new StringSchema()
                                .description("set when unsolved feedback started a new analysis"))),
                List.of("status", "message")));
        schemas.putIfAbsent("ClosedCase", object("A closed case takes no more interactions",
                ordered("caseId", new StringSchema(), "status", new StringSchema()._enum(List.of("closed"))),
                List.of("caseId", "status")));
        schemas.putIfAbsent("ReopenedCase", object("A solved or closed case is open again",
                ordered("caseId", new StringSchema(), "status", new StringSchema()._enum(List.of("open"))),
                List.of("caseId", "status")));
        Map<String, Schema<?>> apiKey = ordered("id", new StringSchema(), "name", new StringSchema().example("nms-alarms"),
                "prefix", new StringSchema().description("the key's first characters, to recognise it"),
                "roles", new ArraySchema().items(new StringSchema()._enum(List.of("user", "admin", "auditor", "analyst", "monitoring"))),
                "createdBy", new StringSchema(), "createdAt", new StringSchema().format("date-time"),
                "expiresAt", new StringSchema().format("date-time"),
                "lastUsedAt", nullable(new StringSchema().format("date-time")),
                "revokedAt", nullable(new StringSchema().format("date-time")),
                "actor", new StringSchema().description("the actor recorded in every event the key causes"));
        schemas.putIfAbsent("ApiKey", object("An API key for a machine client (never the key itself)", apiKey,
                List.of("id", "name", "prefix", "roles", "createdBy", "createdAt", "expiresAt", "actor")));
        Map<String, Schema<?>> created = new java.util.LinkedHashMap<>(apiKey);
        created.put("key", new StringSchema().description("the key, shown this once: send it as `Authorization: ApiKey <key>`"));
        schemas.putIfAbsent("CreatedApiKey", object("A new API key, with the key shown this once", created,
                List.of("id", "name", "prefix", "roles", "createdBy", "createdAt", "expiresAt", "actor", "key")));
        schemas.putIfAbsent("DocumentQueued", object("The document is queued for parsing and indexing",
                ordered("docId", new StringSchema(), "status", new StringSchema()._enum(List.of("QUEUED")),
                        "message", new StringSchema()),
                List.of("docId", "status", "message")));
        schemas.putIfAbsent("IndexState", object("The knowledge index",
                ordered("state", new StringSchema()._enum(List.of("READY", "REBUILDING")),
                        "chunks", new IntegerSchema().format("int64"), "message", new StringSchema()),
                List.of("state")));
        // what a node's content holds, by node type (the contract's shapes)
        schemas.putIfAbsent("Attachment", object("An attachment as stored: a screenshot's reference is the text OCR read from it"
                        + " (empty, and the name ending \"(OCR found no text)\", when it read none); the image is not kept",
                ordered("name", new StringSchema().example("ospf.png"),
                        "reference", new StringSchema().description("a link, a document id, pasted text, or the text OCR read from a screenshot")),
                List.of("name", "reference")));
        schemas.putIfAbsent("QueryContent", object("USER_QUERY: the question as asked",
                ordered("text", new StringSchema(), "attachments", new ArraySchema().items(ref("Attachment"))), List.of("text")));
        schemas.putIfAbsent("ClarificationContent", object("AI_CLARIFICATION: what the analysis found and what it asks",
                ordered("analysis", new StringSchema(), "suggestedQuestions", new ArraySchema().items(new StringSchema())),
                List.of("analysis", "suggestedQuestions")));
        schemas.putIfAbsent("SourceLocation", object("Where a passage sits in its document",
                ordered("page", nullable(new IntegerSchema()), "section", nullable(new StringSchema()),
                        "start", new IntegerSchema(), "end", new IntegerSchema()), List.of()));
        schemas.putIfAbsent("Source", object("A cited knowledge passage",
                ordered("docId", new StringSchema(), "fileName", new StringSchema(), "chunkId", new StringSchema(),
                        "score", new NumberSchema(), "location", ref("SourceLocation")),
                List.of("docId", "chunkId")));
        schemas.putIfAbsent("CommandDetail", object("A command with what it does and how safe it is",
                ordered("command", new StringSchema().example("display ospf peer"), "purpose", new StringSchema(),
                        "safety", new StringSchema()._enum(List.of("read-only", "config-change", "service-affecting")),
                        "rollback", nullable(new StringSchema())),
                List.of("command")));
        schemas.putIfAbsent("SolutionContent", object("SOLUTION: the answer, its sources and the commands to run",
                ordered("answer", new StringSchema(), "sources", new ArraySchema().items(ref("Source")),
                        "commands", new ArraySchema().items(new StringSchema()),
                        "commandDetails", new ArraySchema().items(ref("CommandDetail"))),
                List.of("answer", "sources", "commands")));
        schemas.putIfAbsent("FailureContent", object("FAILED: why the analysis gave up",
                ordered("error", new StringSchema(), "attempts", new IntegerSchema()), List.of("error")));
    }

    // ---- request bodies: required fields, enums, examples ----

    private static void describeRequests(Map<String, Schema> schemas) {
        REQUEST_REQUIRED.forEach((name, required) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) return;
            schema.setRequired(required.stream().filter(schema.getProperties()::containsKey).toList());
        });
        // springdoc may share one schema instance between fields: touched fields get schemas of their own
        with(schemas, "LoginRequest", s -> s.example(Map.of("username", "admin", "password", "change-me-123")));
        with(schemas, "OpenCaseRequest", s -> {
            replace(s, "query", new StringSchema().description("the fault as the engineer describes it; not empty")
                    .example("OSPF邻居状态卡在ExStart"));
            replace(s, "attachments", new ArraySchema().items(ref("AttachmentGiven"))._default(List.of()));
        });
        Schema<Object> given = new Schema<>();
        given.setAnyOf(List.of(new StringSchema().description("a name, a link or pasted text; or a screenshot as a data URL"),
                new ObjectSchema().addProperty("name", new StringSchema().example("ospf.png"))
                        .addProperty("content", new StringSchema().description("pasted text, or (extension) a screenshot as a data URL")
                                .example("data:image/png;base64,iVBORw0KGgo..."))
                        .addProperty("url", new StringSchema()).addProperty("reference", new StringSchema())
                        .addProperty("id", new StringSchema()).addProperty("docId", new StringSchema())));
        given.setDescription("(extension) a screenshot, {name, content: \"data:image/...;base64,...\"} (PNG, JPEG, GIF, BMP, TIFF,"
                + " WebP, judged by content), is read by OCR before anything is stored and kept as {name, reference: the text read}; "
                + "pasted output in it is read as facts. Not base64 or not an image → 400; over 5 MB decoded (configurable) → 413; "
                + "OCR not enabled on the server → 400 naming the packages to install; at most 4 screenshots (configurable) and 20 attachments");
        schemas.put("AttachmentGiven", given);
        with(schemas, "InteractionRequest", s -> {
            replace(s, "parentNodeId", new StringSchema()
                    .description("the AI_CLARIFICATION node awaiting input, or a SOLUTION to follow up"));
            replace(s, "response", new Schema<>().description("a string (stored as {\"text\": ...}) or a JSON object, kept as given;"
                            + " (extension) it may be empty (\"\") when attachments carry the answer")
                    .example("两端MTU分别是1500和1400"));
            NumberSchema weight = new NumberSchema();
            weight.format("double").minimum(BigDecimal.ZERO).maximum(BigDecimal.ONE)
                    .description("share of semantic against keyword retrieval for this step");
            weight.setDefault(0.7);
            replace(s, "retrievalWeight", weight);
            replace(s, "filterTags", new ArraySchema().items(new StringSchema()).description("only knowledge carrying these tags")
                    .example(List.of("ospf")));
            replace(s, "attachments", new ArraySchema().items(ref("AttachmentGiven")).description("(extension) read as a question's"
                    + " (screenshots by OCR) and stored with the answer as response.attachments [{name, reference}]; a response"
                    + " object may carry them itself; with them the response may be empty"));
        });
        // a text or a JSON object, kept as given (a type of its own, not the value record the sides pass around)
        Schema<Object> corrected = new Schema<>();
        corrected.setAnyOf(List.of(new StringSchema(), new ObjectSchema().additionalProperties(true)));
        corrected.setDescription("the solution that worked: a text or a JSON object, kept as given; becomes knowledge once approved");
        corrected.setExample("两端MTU改为一致后邻居起来了");
        schemas.put("CorrectedSolution", corrected);
        with(schemas, "FeedbackRequest", s -> {
            replace(s, "outcome", new StringSchema()._enum(List.of("solved", "unsolved")).description("solved also solves the case"));
            replace(s, "corrected_solution", ref("CorrectedSolution"));
        });
        with(schemas, "FeedbackItem", s -> replace(s, "corrected_solution", ref("CorrectedSolution")));
        with(schemas, "ReviewRequest", s -> replace(s, "decision", new StringSchema()._enum(List.of("approve", "reject"))));
        with(schemas, "NewKey", s -> {
            replace(s, "name", new StringSchema().maxLength(100).example("nms-alarms"));
            replace(s, "roles", new ArraySchema().items(new StringSchema()._enum(List.of("user", "admin", "auditor", "analyst", "monitoring")))
                    .minItems(1).description("monitoring: the operations endpoints only"));
            replace(s, "expiresAt", new StringSchema().format("date-time").description("in the future, within 366 days; or expiresInDays"));
            IntegerSchema days = new IntegerSchema();
            days.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(366)).description("used when expiresAt is not given");
            days.setDefault(90);
            replace(s, "expiresInDays", days);
        });
        with(schemas, "NewUser", s -> {
            replace(s, "roles", new ArraySchema().items(new StringSchema()._enum(ROLES))._default(List.of("user")));
            replace(s, "password", new StringSchema().minLength(8).format("password"));
            replace(s, "email", new StringSchema().format("email").example("alice@example.com"));
        });
    }

    // ---- answers: every field present, the nullable ones said so; node content typed by node type ----

    private static void describeAnswers(Map<String, Schema> schemas) {
        schemas.forEach((name, schema) -> {
            if (REQUEST_REQUIRED.containsKey(name) || schema.getProperties() == null) return;
            if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            NULLABLE.getOrDefault(name, Set.of()).forEach(field -> {
                Schema<?> property = (Schema<?>) schema.getProperties().get(field);
                if (property != null) schema.getProperties().put(field, nullable(property));
            });
        });
        with(schemas, "NodeView", s -> {
            Schema<Object> content = new Schema<>();
            content.setAnyOf(List.of(ref("QueryContent"), ref("ClarificationContent"), ref("SolutionContent"),
                    ref("FailureContent"), new ObjectSchema().additionalProperties(true).description("USER_RESPONSE: the engineer's answer as given"),
                    new Schema<>().types(new LinkedHashSet<>(List.of("null")))));
            content.setDescription("by type: USER_QUERY {text, attachments}; AI_CLARIFICATION {analysis, suggestedQuestions}; "
                    + "SOLUTION {answer, sources, commands, commandDetails?}; USER_RESPONSE the answer; FAILED {error, attempts}; "
                    + "null while PROCESSING");
            s.getProperties().put("content", content);
        });
    }

    // ---- operations ----

    private static void answer(OpenAPI openApi, String path, PathItem.HttpMethod method, Schema<?> schema) {
        operation(openApi, path, method, op -> {
            if (op.getResponses() == null) return;
            op.getResponses().forEach((code, response) -> {
                if (!code.startsWith("2") || response.getContent() == null) return;
                response.getContent().forEach((type, media) -> {
                    if (isFreeForm(media.getSchema())) media.setSchema(schema);
                });
            });
        });
    }

    private static boolean isFreeForm(Schema<?> schema) {
        if (schema == null) return true;
        if (schema.get$ref() != null) return false;
        if (schema instanceof ArraySchema array) return isFreeForm(array.getItems());
        if ("array".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("array"))) {
            return isFreeForm(schema.getItems());
        }
        return schema.getProperties() == null || schema.getProperties().isEmpty();
    }

    private static void multipartUpload(Operation op) {
        if (op.getParameters() != null) {
            op.setParameters(op.getParameters().stream()
                    .filter(p -> !("query".equals(p.getIn()) && Set.of("file", "tags", "vendor").contains(p.getName())))
                    .toList());
        }
        ObjectSchema form = new ObjectSchema();
        form.addProperty("file", new BinarySchema().description("pdf, doc, docx, txt, md, png, jpg or jpeg; at most 16 MB; the type is judged by content"));
        form.addProperty("tags", new ArraySchema().items(new StringSchema()).description("repeatable").example(List.of("ospf", "huawei-manual")));
        form.addProperty("vendor", new StringSchema().description("Huawei, Cisco, H3C, Juniper, ZTE or Ruijie (spellings like 华为 are normalised)").example("Huawei"));
        form.setRequired(List.of("file"));
        MediaType media = new MediaType().schema(form);
        media.addEncoding("tags", new Encoding().explode(true).style(Encoding.StyleEnum.FORM));
        op.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType("multipart/form-data", media)));
    }

    private static void enumParameter(OpenAPI openApi, String path, String name, List<String> values, String defaultValue) {
        operation(openApi, path, PathItem.HttpMethod.GET, op -> {
            if (op.getParameters() == null) return;
            for (Parameter p : op.getParameters()) {
                if (!name.equals(p.getName())) continue;
                StringSchema schema = new StringSchema();
                schema.setEnum(new ArrayList<>(values));
                if (defaultValue != null) schema.setDefault(defaultValue);
                p.setSchema(schema);
            }
        });
    }

    /** JSON answers say they are JSON; streams say what they stream. */
    private static void jsonAnswers(String path, Operation op) {
        if (op.getResponses() == null) return;
        op.getResponses().forEach((code, response) -> {
            Content content = response.getContent();
            if (content == null) return;
            if (path.endsWith("/stream")) {
                Content events = new Content().addMediaType("text/event-stream", new MediaType().schema(new StringSchema()
                        .description("Server-Sent Events; each event's data is JSON (see the operation's description)")));
                response.setContent(events);
                return;
            }
            if (path.endsWith("/export")) {
                response.setContent(new Content().addMediaType("application/x-ndjson", new MediaType().schema(new StringSchema()
                        .description("one audit event a line, as JSON, same fields as /events"))));
                return;
            }
            MediaType any = content.remove("*/*");
            if (any != null && !content.containsKey(JSON)) content.addMediaType(JSON, any);
        });
    }

    /** The error answers an operation can give, each in the API error shape. */
    private static void errorAnswers(String path, PathItem.HttpMethod method, Operation op) {
        if (!path.startsWith("/api/")) return;
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        boolean login = path.equals("/api/v1/auth/login");
        error(responses, "400", "The request is not valid (missing or malformed field or parameter)");
        if (login) {
            error(responses, "401", "Unknown user or wrong password (the same message for both)");
        } else {
            error(responses, "401", "No valid bearer token: log in first");
            if (!path.equals("/api/v1/auth/me")) error(responses, "403", "Your role does not allow this");
        }
        if (path.contains("{")) error(responses, "404", "No such case, node, document or feedback (another user's case too)");
        if (method != PathItem.HttpMethod.GET && !login) {
            error(responses, "409", "The request conflicts with the current state (e.g. a node not awaiting input, a closed case, a duplicate)");
        }
        if ((path.equals("/api/v1/cases") || path.equals("/api/v1/cases/{caseId}/interactions")) && method == PathItem.HttpMethod.POST) {
            error(responses, "413", "A screenshot is larger than 5 MB decoded (ipexpert.cases.screenshots.max-image-size), or the body"
                    + " larger than its screenshots need");
        }
        if (path.equals("/api/v1/knowledge/documents") && method == PathItem.HttpMethod.POST) {
            error(responses, "413", "The file is larger than 16 MB");
            error(responses, "415", "The file's type (judged by content) is not accepted, or its name lies about it");
        }
        error(responses, "500", "Something failed on our side; the message never carries a stack trace");
    }

    private static void error(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            ApiResponse existing = responses.get(code);
            if (existing.getContent() == null || existing.getContent().isEmpty() || existing.getContent().containsKey("*/*")) {
                existing.setContent(errorContent());
            }
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(description).content(errorContent()));
    }

    private static Content errorContent() {
        return new Content().addMediaType(JSON, new MediaType().schema(ref(ERROR)));
    }

    // ---- small helpers ----

    private static void operation(OpenAPI openApi, String path, PathItem.HttpMethod method, Consumer<Operation> change) {
        PathItem item = openApi.getPaths().get(path);
        if (item == null) return;
        Operation op = item.readOperationsMap().get(method);
        if (op != null) change.accept(op);
    }

    private static void with(Map<String, Schema> schemas, String name, Consumer<Schema<?>> change) {
        Schema<?> schema = schemas.get(name);
        if (schema != null && schema.getProperties() != null) change.accept(schema);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replace(Schema<?> schema, String name, Schema<?> with) {
        if (schema.getProperties().containsKey(name)) ((Map) schema.getProperties()).put(name, with);
    }

    /** OpenAPI 3.1 says "may be null" with a type list (it has no `nullable`); a reference gets an anyOf. */
    private static Schema<?> nullable(Schema<?> schema) {
        if (schema.get$ref() != null) {
            Schema<Object> either = new Schema<>();
            either.setAnyOf(List.of(schema, new Schema<>().types(new LinkedHashSet<>(List.of("null")))));
            return either;
        }
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) types.addAll(schema.getTypes());
        else if (schema.getType() != null) types.add(schema.getType());
        types.add("null");
        Schema<Object> copy = new Schema<>();
        copy.setTypes(types);
        copy.setFormat(schema.getFormat());
        copy.setDescription(schema.getDescription());
        copy.setItems(schema.getItems());
        copy.setProperties(schema.getProperties());
        copy.setAdditionalProperties(schema.getAdditionalProperties());
        return copy;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static Map<String, Schema<?>> ordered(Object... pairs) {
        Map<String, Schema<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (Schema<?>) pairs[i + 1]);
        return map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> object(String description, Map<String, ? extends Schema> properties, List<String> required) {
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(description);
        Map<String, Schema> ordered = new LinkedHashMap<>(properties instanceof LinkedHashMap ? properties : new java.util.TreeMap<>(properties));
        schema.setProperties(ordered);
        if (!required.isEmpty()) schema.setRequired(new ArrayList<>(required));
        return schema;
    }
}
