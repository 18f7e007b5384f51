package contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md and the OpenAPI document the code generates ({@code /q/openapi}) describe the same API:
 * the same operations (method and path), each with the same operationId, statuses, request headers
 * and query parameters, request fields and success-response fields. A line missing on either side
 * fails with the difference named. The prose of docs/api.md may name only operations that exist.
 */
@QuarkusTest
class ApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("docs/api.md");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private JsonNode openApi;
    private String markdown;

    @BeforeEach
    void read() throws IOException {
        openApi = JSON.readTree(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        markdown = Files.readString(DOC);
    }

    @Test
    void docsApiMdListsExactlyTheOperationsOfTheOpenApiDocument() {
        Map<String, Contract> generated = fromOpenApi(openApi);
        Map<String, Contract> written = fromMarkdown(markdown);
        assertTrue(generated.size() >= 20, "the document lists the API: " + generated.keySet());

        List<String> differences = differences(generated, written);

        assertEquals(List.of(), differences, "docs/api.md (section Operations) and /q/openapi disagree");
    }

    @Test
    void theProseNamesOnlyOperationsThatExist() {
        Set<String> operations = new TreeSet<>();
        fromOpenApi(openApi).keySet().forEach(op -> operations.add(normalized(op)));
        Matcher mention = Pattern.compile(
                        "`((?:GET|POST|PUT|DELETE|PATCH)(?:/(?:GET|POST|PUT|DELETE|PATCH))*) " + "(/api/v1/[^`\\s?]*)")
                .matcher(markdown);
        List<String> unknown = new ArrayList<>();
        int mentions = 0;
        while (mention.find()) {
            for (String method : mention.group(1).split("/")) {
                mentions++;
                String operation = method + " " + mention.group(2);
                if (!operations.contains(normalized(operation))) {
                    unknown.add(operation);
                }
            }
        }
        assertTrue(mentions > 30, "docs/api.md names operations in its prose: " + mentions);
        assertEquals(List.of(), unknown, "docs/api.md names operations that /q/openapi does not have");
    }

    /** The check itself can fail: a status, a field, a header or an operation dropped from the doc is reported. */
    @Test
    void aLineMissingFromTheDocIsReported() {
        Map<String, Contract> generated = fromOpenApi(openApi);
        String edited = markdown.replaceFirst(
                        "(### POST /api/v1/reservations\\n(?:.*\\n)*?- statuses: [^\\n]*), 409", "$1")
                .replaceFirst(
                        "(### POST /api/v1/reservations\\n(?:.*\\n)*?- request body: `scheduleId`), `seatNumber`", "$1")
                .replaceFirst(
                        "(### GET /api/v1/wallet/transactions\\n(?:.*\\n)*?- 200 body \\(array of\\): [^\\n]*), `createdAt`",
                        "$1")
                .replaceFirst("(### POST /api/v1/payments\\n(?:.*\\n)*?)- request headers: `Idempotency-Key`\\n", "$1")
                .replaceFirst("### DELETE /api/v1/queue/token\n", "### DELETE /api/v1/queue/tokens\n");
        assertTrue(!edited.equals(markdown));

        List<String> differences = differences(generated, fromMarkdown(edited));

        assertEquals(
                List.of(
                        "DELETE /api/v1/queue/token: in /q/openapi, not in docs/api.md",
                        "DELETE /api/v1/queue/tokens: in docs/api.md, not in /q/openapi",
                        "GET /api/v1/wallet/transactions: 200 body field createdAt in /q/openapi, not in docs/api.md",
                        "POST /api/v1/payments: request header Idempotency-Key in /q/openapi, not in docs/api.md",
                        "POST /api/v1/reservations: status 409 in /q/openapi, not in docs/api.md",
                        "POST /api/v1/reservations: request body field seatNumber in /q/openapi, not in docs/api.md"),
                differences);
    }

    /** What one operation promises: everything both descriptions must agree on. */
    record Contract(
            String operationId,
            Set<String> statuses,
            Set<String> headers,
            Set<String> query,
            Set<String> requestFields,
            Map<String, Set<String>> responseFields) {}

    // ---- the generated document ----

    private static Map<String, Contract> fromOpenApi(JsonNode doc) {
        Map<String, Contract> contracts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                Set<String> headers = new TreeSet<>();
                Set<String> query = new TreeSet<>();
                for (JsonNode parameter : op.path("parameters")) {
                    JsonNode p = deref(doc, parameter);
                    switch (p.get("in").asText()) {
                        case "header" -> headers.add(p.get("name").asText());
                        case "query" -> query.add(p.get("name").asText());
                        default -> {}
                    }
                }
                Set<String> requestFields = new TreeSet<>();
                JsonNode body = op.path("requestBody").path("content").path("application/json");
                if (body.has("schema")) {
                    requestFields.addAll(fields(doc, body.get("schema")));
                }
                Set<String> statuses = new TreeSet<>();
                Map<String, Set<String>> responses = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> codes =
                                op.path("responses").fields();
                        codes.hasNext(); ) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    statuses.add(code.getKey());
                    JsonNode content = deref(doc, code.getValue()).path("content");
                    if (!code.getKey().startsWith("2") || content.isEmpty()) {
                        continue;
                    }
                    if (content.has("application/json")) {
                        JsonNode schema = content.get("application/json").get("schema");
                        Set<String> fields = new TreeSet<>(fields(doc, schema));
                        if ("array".equals(deref(doc, schema).path("type").asText())) {
                            fields.add(ARRAY);
                        }
                        responses.put(code.getKey(), fields);
                    } else {
                        responses.put(code.getKey(), Set.of(content.fieldNames().next()));
                    }
                }
                contracts.put(
                        method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        new Contract(
                                op.path("operationId").asText(null),
                                statuses,
                                headers,
                                query,
                                requestFields,
                                responses));
            }
        }
        return contracts;
    }

    private static final String ARRAY = "(array of)";

    /**
     * Property names two levels deep: {@code a}, {@code a.b}, {@code a[].b}; an array body lists its
     * items'; a {@code oneOf} body (a request that may be answered in either shape) lists every option's.
     */
    private static List<String> fields(JsonNode doc, JsonNode schema) {
        JsonNode s = objectSchema(doc, schema);
        if (s.has("oneOf")) {
            List<String> union = new ArrayList<>();
            for (JsonNode option : s.get("oneOf")) {
                fields(doc, option).stream().filter(f -> !union.contains(f)).forEach(union::add);
            }
            return union;
        }
        if (s.has("items")) {
            s = objectSchema(doc, s.get("items"));
        }
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = props.next();
            out.add(prop.getKey());
            JsonNode child = objectSchema(doc, prop.getValue());
            String prefix = prop.getKey() + ".";
            if (child.has("items")) {
                child = objectSchema(doc, child.get("items"));
                prefix = prop.getKey() + "[].";
            }
            for (Iterator<String> names = child.path("properties").fieldNames(); names.hasNext(); ) {
                out.add(prefix + names.next());
            }
        }
        return out;
    }

    /** The schema behind references and behind a nullable {@code anyOf: [X, null]}. */
    private static JsonNode objectSchema(JsonNode doc, JsonNode schema) {
        JsonNode s = deref(doc, schema);
        if (s.has("anyOf")) {
            for (JsonNode option : s.get("anyOf")) {
                JsonNode o = deref(doc, option);
                if (!"null".equals(o.path("type").asText())) {
                    return objectSchema(doc, o);
                }
            }
        }
        return s;
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            String[] parts = n.get("$ref").asText().split("/");
            n = doc.path("components").path(parts[2]).path(parts[3]);
        }
        return n;
    }

    // ---- docs/api.md ----

    private static final Pattern HEADING = Pattern.compile("^### (GET|POST|PUT|DELETE|PATCH) (/\\S+)$");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");
    private static final Pattern RESPONSE = Pattern.compile("^- (\\d{3}) body( \\(array of\\))?: (.*)$");

    /** The operations of the section "## Operations": one "### METHOD /path" block each. */
    private static Map<String, Contract> fromMarkdown(String markdown) {
        int start = markdown.indexOf("\n## Operations\n");
        assertTrue(start >= 0, "docs/api.md has a section '## Operations'");
        int end = markdown.indexOf("\n## ", start + 1);
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        Map<String, Contract> contracts = new TreeMap<>();
        String key = null;
        Contract current = null;
        for (String line : section.split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                key = heading.group(1) + " " + heading.group(2);
                current = new Contract(
                        null, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
                assertTrue(contracts.put(key, current) == null, "docs/api.md lists " + key + " twice");
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher response = RESPONSE.matcher(line);
            if (line.startsWith("- operation: ")) {
                Matcher id = NAME.matcher(line);
                assertTrue(id.find(), key + ": the operation line names an operationId");
                current = new Contract(
                        id.group(1),
                        current.statuses(),
                        current.headers(),
                        current.query(),
                        current.requestFields(),
                        current.responseFields());
                contracts.put(key, current);
            } else if (line.startsWith("- statuses: ")) {
                for (String status : line.substring("- statuses: ".length()).split(",")) {
                    current.statuses().add(status.trim());
                }
            } else if (line.startsWith("- request headers: ")) {
                current.headers().addAll(names(line));
            } else if (line.startsWith("- request query: ")) {
                current.query().addAll(names(line));
            } else if (line.startsWith("- request body: ")) {
                current.requestFields().addAll(names(line));
            } else if (response.matches()) {
                Set<String> fields = new TreeSet<>(names(response.group(3)));
                if (fields.isEmpty()) {
                    fields.add(response.group(3).trim()); // a media type: "text/csv"
                }
                if (response.group(2) != null) {
                    fields.add(ARRAY);
                }
                current.responseFields().put(response.group(1), fields);
            }
        }
        return contracts;
    }

    private static Set<String> names(String line) {
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(line);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    // ---- comparing ----

    private static List<String> differences(Map<String, Contract> generated, Map<String, Contract> written) {
        List<String> out = new ArrayList<>();
        Set<String> operations = new TreeSet<>(generated.keySet());
        operations.addAll(written.keySet());
        for (String op : operations) {
            Contract g = generated.get(op);
            Contract w = written.get(op);
            if (g == null || w == null) {
                out.add(op + ": in "
                        + (g == null ? "docs/api.md, not in /q/openapi" : "/q/openapi, not in docs/api.md"));
                continue;
            }
            if (g.operationId() == null || !g.operationId().equals(w.operationId())) {
                out.add(op + ": operationId " + g.operationId() + " in /q/openapi, " + w.operationId()
                        + " in docs/api.md");
            }
            compare(out, op, "status", g.statuses(), w.statuses());
            compare(out, op, "request header", g.headers(), w.headers());
            compare(out, op, "request query parameter", g.query(), w.query());
            compare(out, op, "request body field", g.requestFields(), w.requestFields());
            Set<String> codes = new TreeSet<>(g.responseFields().keySet());
            codes.addAll(w.responseFields().keySet());
            for (String code : codes) {
                compare(
                        out,
                        op,
                        code + " body field",
                        g.responseFields().getOrDefault(code, Set.of()),
                        w.responseFields().getOrDefault(code, Set.of()));
            }
        }
        return out;
    }

    private static void compare(List<String> out, String op, String what, Set<String> generated, Set<String> written) {
        for (String item : generated) {
            if (!written.contains(item)) {
                out.add(op + ": " + what + " " + item + " in /q/openapi, not in docs/api.md");
            }
        }
        for (String item : written) {
            if (!generated.contains(item)) {
                out.add(op + ": " + what + " " + item + " in docs/api.md, not in /q/openapi");
            }
        }
    }

    private static String normalized(String operation) {
        return operation.replaceAll("\\{[^}]*}", "{}");
    }
}
