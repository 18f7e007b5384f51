package adapters.appserver;

import adapters.config.PartnerSyncConfig;
import application.partnersync.port.out.PartnerServer;
import domain.partnersync.SyncBatch;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The membership app server over HTTP: one POST per page, with the configured connect and answer
 * timeouts, retries with exponential backoff for a 5xx, a timeout or a refused connection, and a
 * circuit breaker that fails pages at once while the server keeps failing (SmallRye Fault
 * Tolerance's programmatic {@link Guard}, built from {@code sync.app-server.*}). A 4xx is not retried
 * (the same page would be refused again) and does not count against the server's health. Only 200
 * with {@code {"accepted": [...]}} is an answer; the ids that are not in the page are ignored.
 */
@ApplicationScoped
public class AppServerClient implements PartnerServer {
    private static final Logger LOG = Logger.getLogger(AppServerClient.class);

    private final AppServerApi api;
    private final String authorization;
    private final Guard guard;

    public AppServerClient(PartnerSyncConfig config) {
        PartnerSyncConfig.AppServer server = config.appServer();
        if (server.url().isEmpty()) {
            api = null;
            authorization = null;
            guard = null;
            return;
        }
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(server.url().get().trim()))
                .connectTimeout(server.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(server.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(AppServerApi.class);
        authorization = "Bearer " + server.token().orElse("");
        PartnerSyncConfig.AppServer.Breaker breaker = server.breaker();
        guard = Guard.create()
                .withDescription("membership app server")
                .withRetry()
                .maxRetries(server.retries())
                .delay(server.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .abortOn(Refused.class)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(server.retryMaxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .withCircuitBreaker()
                .name("partner-sync-app-server")
                .requestVolumeThreshold(breaker.requests())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .skipOn(Refused.class)
                .done()
                .build();
    }

    @Override
    public boolean configured() {
        return api != null;
    }

    @Override
    public Set<UUID> send(SyncBatch batch) {
        if (api == null) {
            throw new PartnerServerException("the sync is off: sync.app-server.url is not set", null);
        }
        AppServerDtos.Batch body = AppServerDtos.Batch.of(batch);
        AppServerDtos.Answer answer;
        try {
            answer = guard.call(() -> post(body), AppServerDtos.Answer.class);
        } catch (CircuitBreakerOpenException e) {
            throw new PartnerServerException("the app server's circuit breaker is open (it kept failing)", e);
        } catch (Refused | Unavailable e) {
            throw new PartnerServerException(e.getMessage(), e);
        } catch (Exception e) {
            throw new PartnerServerException("the app server did not answer: " + e, e);
        }
        Set<UUID> inPage = new HashSet<>(batch.size() * 2);
        batch.records().forEach(r -> inPage.add(r.reservationId()));
        Set<UUID> accepted = new HashSet<>();
        for (UUID id : answer.accepted()) {
            if (inPage.contains(id)) {
                accepted.add(id);
            }
        }
        if (accepted.size() < answer.accepted().size()) {
            LOG.warnf(
                    "the app server accepted %d ids that were not in batch %s; ignored",
                    answer.accepted().size() - accepted.size(), batch.batchId());
        }
        return accepted;
    }

    private AppServerDtos.Answer post(AppServerDtos.Batch body) {
        try (Response response = api.send(authorization, body)) {
            int status = response.getStatus();
            if (status == 200) {
                AppServerDtos.Answer answer;
                try {
                    answer = response.readEntity(AppServerDtos.Answer.class);
                } catch (RuntimeException e) {
                    throw new Unavailable(
                            "the app server's answer to batch " + body.batchId() + " is unreadable: " + e);
                }
                if (answer == null || answer.accepted() == null) {
                    throw new Unavailable(
                            "the app server's answer to batch " + body.batchId() + " has no accepted list");
                }
                return answer;
            }
            if (status >= 400 && status < 500) {
                throw new Refused("the app server refused batch " + body.batchId() + " with HTTP " + status);
            }
            throw new Unavailable("the app server answered batch " + body.batchId() + " with HTTP " + status);
        } catch (Refused | Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            // a timeout, a refused connection, a reset: retried
            throw new Unavailable("the app server did not answer batch " + body.batchId() + ": " + e);
        }
    }

    /** A 4xx: our request is wrong (token, contract); retrying the same page cannot help. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** A 5xx, a timeout, an unreadable answer: the server may do better on a retry. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
