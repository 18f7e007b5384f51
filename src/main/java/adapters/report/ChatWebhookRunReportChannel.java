package adapters.report;

import adapters.config.ReconciliationConfig;
import application.reconciliation.port.out.RunReportChannel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.reconciliation.RunDigest;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The run's report to a chat room through a Slack-compatible incoming webhook: one POST of {@code
 * {"text": ...}} to {@code reconciliation.report.webhook-url} (https; http only for a loopback host,
 * StartupGuard). A 2xx answer is delivered; anything else is retried, then reported.
 */
@ApplicationScoped
public class ChatWebhookRunReportChannel implements RunReportChannel {
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Guard guard;

    public ChatWebhookRunReportChannel(ReconciliationConfig config, ObjectMapper json) {
        this.url = config.report()
                .webhookUrl()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(URI::create)
                .orElse(null);
        this.timeout = config.report().webhookTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
        this.guard = RetryGuard.of("reconciliation report chat webhook", config.report());
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public boolean configured() {
        return url != null;
    }

    @Override
    public void deliver(RunDigest digest) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("text", RunReportRendering.chat(digest)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            guard.call(
                    () -> {
                        HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() / 100 != 2) {
                            throw new IOException("the chat webhook answered " + answer.statusCode());
                        }
                        return null;
                    },
                    Void.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
