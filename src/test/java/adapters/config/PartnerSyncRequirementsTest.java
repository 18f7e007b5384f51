package adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import support.Tokens;

/** The partner sync fails closed: off without a URL; with one, a token and TLS (or loopback) are required. */
class PartnerSyncRequirementsTest {
    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
        m.put("mp.jwt.verify.issuer", "https://idp.example");
        m.put("queue.token-secret", "0123456789abcdef0123456789abcdef");
        return m;
    }

    private static List<String> problems(Map<String, String> settings) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        return StartupGuard.problems(config, StartupGuard.requirements());
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> m = valid();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void withoutAUrlTheSyncIsOffAndNothingIsRequired() {
        assertEquals(List.of(), problems(valid()));
        assertEquals(List.of(), problems(with("sync.app-server.url", " ")));
    }

    @Test
    void aUrlWithoutATokenIsRefused() {
        List<String> problems = problems(with("sync.app-server.url", "https://members.example"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("set sync.app-server.token"), problems.toString());
    }

    @Test
    void plainHttpOnlyToALoopbackHostOrWhenAllowed() {
        assertEquals(
                List.of(),
                problems(with("sync.app-server.url", "https://members.example/api", "sync.app-server.token", "t")));
        assertEquals(
                List.of(),
                problems(with("sync.app-server.url", "http://127.0.0.1:8099", "sync.app-server.token", "t")));
        List<String> plain =
                problems(with("sync.app-server.url", "http://members.example", "sync.app-server.token", "t"));
        assertEquals(1, plain.size(), plain.toString());
        assertTrue(plain.getFirst().startsWith("sync.app-server.url must be an https URL"), plain.toString());
        assertEquals(
                List.of(),
                problems(with(
                        "sync.app-server.url", "http://members.example",
                        "sync.app-server.token", "t",
                        "sync.app-server.allow-insecure-http", "true")));
        assertEquals(
                1,
                problems(with("sync.app-server.url", "ftp://members.example", "sync.app-server.token", "t"))
                        .size());
        assertEquals(
                1,
                problems(with("sync.app-server.url", "not a url", "sync.app-server.token", "t"))
                        .size());
    }
}
