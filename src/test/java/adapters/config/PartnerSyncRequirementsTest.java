package adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partner sync fails closed: off without a URL; with one, a token and TLS (or loopback) are required. */
class PartnerSyncRequirementsTest {
    private static Map<String, String> with(String... pairs) {
        Map<String, String> m = StartupGuardTest.valid();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void withoutAUrlTheSyncIsOffAndNothingIsRequired() {
        assertEquals(List.of(), StartupGuardTest.problems(StartupGuardTest.valid()));
        assertEquals(List.of(), StartupGuardTest.problems(with("sync.app-server.url", " ")));
    }

    @Test
    void aUrlWithoutATokenIsRefused() {
        List<String> problems = StartupGuardTest.problems(with("sync.app-server.url", "https://members.example"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("set sync.app-server.token"), problems.toString());
    }

    @Test
    void plainHttpOnlyToALoopbackHostOrWhenAllowed() {
        assertEquals(
                List.of(),
                StartupGuardTest.problems(
                        with("sync.app-server.url", "https://members.example/api", "sync.app-server.token", "t")));
        assertEquals(
                List.of(),
                StartupGuardTest.problems(
                        with("sync.app-server.url", "http://127.0.0.1:8099", "sync.app-server.token", "t")));
        List<String> plain = StartupGuardTest.problems(
                with("sync.app-server.url", "http://members.example", "sync.app-server.token", "t"));
        assertEquals(1, plain.size(), plain.toString());
        assertTrue(plain.getFirst().startsWith("sync.app-server.url must be an https URL"), plain.toString());
        assertEquals(
                List.of(),
                StartupGuardTest.problems(with(
                        "sync.app-server.url", "http://members.example",
                        "sync.app-server.token", "t",
                        "sync.app-server.allow-insecure-http", "true")));
        assertEquals(
                1,
                StartupGuardTest.problems(
                                with("sync.app-server.url", "ftp://members.example", "sync.app-server.token", "t"))
                        .size());
        assertEquals(
                1,
                StartupGuardTest.problems(with("sync.app-server.url", "not a url", "sync.app-server.token", "t"))
                        .size());
    }
}
