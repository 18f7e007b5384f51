package adapters.webhook;

import adapters.config.BookingConfig;
import application.events.port.out.EventSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * POSTs a batch as CloudEvents 1.0 in JSON batch mode ({@code application/cloudevents-batch+json}),
 * signed with HMAC-SHA256 ({@link WebhookSignature}). The receiver answers 200 with
 * {@code {"accepted": [ids]}}; only those ids count as delivered.
 */
@ApplicationScoped
public class WebhookEventSink implements EventSink {
    static final String CONTENT_TYPE = "application/cloudevents-batch+json";
    static final String SOURCE = "/concert-booking";
    static final String TYPE_PREFIX = "com.example.concert-booking.";

    private final Optional<URI> url;
    private final String secret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient client;

    public WebhookEventSink(BookingConfig.Events config, ObjectMapper json, Clock clock) {
        this.url = config.webhook().url().filter(u -> !u.isBlank()).map(URI::create);
        this.secret = config.webhook().secret().orElse("");
        this.timeout = config.webhook().timeout();
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean isConfigured() {
        return url.isPresent();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Set<UUID> deliver(List<DomainEvent> events) {
        String body = batch(events);
        HttpRequest request = HttpRequest.newBuilder(url.orElseThrow())
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EventDeliveryException("receiver unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDeliveryException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new EventDeliveryException("receiver answered " + response.statusCode());
        }
        return accepted(response.body(), events);
    }

    private String batch(List<DomainEvent> events) {
        ArrayNode batch = json.createArrayNode();
        for (DomainEvent event : events) {
            ObjectNode ce = batch.addObject();
            ce.put("specversion", "1.0");
            ce.put("id", event.id().toString());
            ce.put("source", SOURCE);
            ce.put("type", TYPE_PREFIX + event.type());
            ce.put("subject", event.aggregateType().toLowerCase(Locale.ROOT) + "/" + event.aggregateId());
            ce.put("time", event.occurredAt().toString());
            ce.put("datacontenttype", "application/json");
            ce.put("schemaversion", event.schemaVersion());
            ce.put("aggregatetype", event.aggregateType());
            ce.put("aggregateid", event.aggregateId());
            ce.set("data", json.valueToTree(event.payload()));
        }
        return batch.toString();
    }

    /** Only ids that were in the batch count; anything else the receiver says is ignored. */
    private Set<UUID> accepted(String body, List<DomainEvent> events) {
        Set<String> sent = new HashSet<>();
        events.forEach(e -> sent.add(e.id().toString()));
        Set<UUID> accepted = new HashSet<>();
        try {
            JsonNode ids = json.readTree(body).path("accepted");
            for (JsonNode id : ids) {
                if (id.isTextual() && sent.contains(id.asText())) {
                    accepted.add(UUID.fromString(id.asText()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new EventDeliveryException("unreadable acknowledgement");
        }
        return accepted;
    }
}
