package support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a paged list the way a client does (D51, docs/api.md "Paging"): each 200's {@code Link: <…>;
 * rel="next"} names the next page, root-relative, until a page has none.
 */
public final class Pages {
    /** More pages than any test list has: a Link that never ends fails instead of looping. */
    private static final int MAX_PAGES = 1_000;

    private static final Pattern NEXT = Pattern.compile("^<(/[^>]*)>; rel=\"next\"$");

    private Pages() {}

    /** The next page's URL of a 200, or null when it is the last; anything but a next link fails. */
    public static String next(ExtractableResponse<Response> page) {
        assertEquals(200, page.statusCode(), page.asString());
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertTrue(matcher.matches(), "an RFC 8288 root-relative next link: " + link);
        return matcher.group(1);
    }

    /** Every page from {@code url} on, in order, each read with a fresh {@code request}. */
    public static List<ExtractableResponse<Response>> follow(Supplier<RequestSpecification> request, String url) {
        return follow(request, url, () -> {});
    }

    /**
     * Every page from {@code url} on, in order, each read with a fresh {@code request} (the Link's URL is
     * sent as it is, already encoded); {@code betweenPages} runs after each page that has a next one.
     */
    public static List<ExtractableResponse<Response>> follow(
            Supplier<RequestSpecification> request, String url, Runnable betweenPages) {
        List<ExtractableResponse<Response>> pages = new ArrayList<>();
        String at = url;
        while (at != null) {
            assertTrue(pages.size() < MAX_PAGES, "next never ended");
            ExtractableResponse<Response> page =
                    request.get().urlEncodingEnabled(false).get(at).then().extract();
            at = next(page);
            pages.add(page);
            if (at != null) {
                betweenPages.run();
            }
        }
        return pages;
    }
}
