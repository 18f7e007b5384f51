package support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds every answer a test receives through {@link Api} to the OpenAPI document the service serves:
 * a status the document does not declare for that operation fails the test at once (issue #21: the
 * statuses the contract tests assert all appear in the document). Calls to paths or methods the
 * document does not have (tests of unknown paths, 405) are not operations and pass through, as do
 * the statuses the document describes once for every operation instead of per operation (405, 406,
 * 414).
 */
public final class DeclaredStatuses implements Filter {
    public static final DeclaredStatuses INSTANCE = new DeclaredStatuses();
    private static final Set<Integer> DECLARED_FOR_ALL = Set.of(405, 406, 414);

    private volatile List<Operation> operations;

    private DeclaredStatuses() {}

    record Operation(String method, String template, Pattern path, int literalSegments, Set<String> statuses) {}

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        check(request.getMethod(), URI.create(request.getURI()).getPath(), answer.statusCode());
        return answer;
    }

    private void check(String method, String path, int status) {
        if (!path.startsWith("/api/") || DECLARED_FOR_ALL.contains(status)) {
            return;
        }
        operations().stream()
                .filter(o -> o.method().equalsIgnoreCase(method)
                        && o.path().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalSegments))
                .ifPresent(o -> {
                    if (!o.statuses().contains(Integer.toString(status))) {
                        throw new AssertionError(method + " " + o.template() + " answered " + status
                                + ", which the OpenAPI document does not declare for it (declared: "
                                + o.statuses() + ")");
                    }
                });
    }

    private List<Operation> operations() {
        List<Operation> known = operations;
        if (known == null) {
            known = load();
            operations = known;
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> load() {
        // fetched without this filter
        JsonPath document = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, methods) -> methods.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                return; // path-level parameters, not an operation
            }
            String regex = "^" + template.replaceAll("\\{[^/]+}", "[^/]+") + "$";
            int literals = (int) java.util.Arrays.stream(template.split("/"))
                    .filter(segment -> !segment.isEmpty() && !segment.startsWith("{"))
                    .count();
            operations.add(new Operation(method, template, Pattern.compile(regex), literals, Set.copyOf((Set<String>)
                    ((Map<String, Object>) responses).keySet())));
        }));
        return List.copyOf(operations);
    }
}
