package adapters.paymentgateway;

import adapters.config.PaymentsConfig;
import application.wallet.port.out.PaymentGateway;
import domain.shared.Money;
import domain.shared.Redact;
import domain.topup.TopUpStatus;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every configured provider through one Toss-shaped REST client each, built programmatically with
 * the provider's base URL and timeout. What the PG says becomes an {@link Answer}: an approval, a
 * refusal (its code and message), or {@link Answer.Unknown} for anything that is not a final word —
 * a timeout, a 5xx, a refused connection, a payment still in progress, or a refusal that says more
 * about us than about the payment (our key rejected, rate limit, "already processed").
 */
@ApplicationScoped
public class TossPaymentGateway implements PaymentGateway {
    private static final Logger LOG = Logger.getLogger(TossPaymentGateway.class);

    /** 4xx codes that are no verdict on the payment: a status query will tell. */
    private static final Set<String> NOT_A_VERDICT =
            Set.of("ALREADY_PROCESSED_PAYMENT", "PROVIDER_ERROR", "FAILED_INTERNAL_SYSTEM_PROCESSING");

    private record Provider(TossPaymentsClient client, String authorization) {}

    private final Map<String, Provider> providers = new TreeMap<>();

    public TossPaymentGateway(PaymentsConfig config) {
        config.providers().forEach((name, settings) -> {
            if (name.isEmpty() || name.length() > PaymentsConfig.MAX_PROVIDER_NAME) {
                throw new IllegalArgumentException("a payment provider's name has 1 to "
                        + PaymentsConfig.MAX_PROVIDER_NAME + " characters: '" + name + "'");
            }
            long timeout = settings.timeout().toMillis();
            TossPaymentsClient client = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(settings.url()))
                    .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                    .readTimeout(timeout, TimeUnit.MILLISECONDS)
                    .disableDefaultMapper(true)
                    .build(TossPaymentsClient.class);
            String basic =
                    Base64.getEncoder().encodeToString((settings.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
            providers.put(name, new Provider(client, "Basic " + basic));
        });
    }

    @Override
    public Set<String> providers() {
        return providers.keySet();
    }

    @Override
    public Answer confirm(String provider, String paymentKey, String orderId, Money amount) {
        Provider pg = providers.get(provider);
        if (pg == null) {
            return new Answer.Unknown("no provider " + provider);
        }
        try (Response response = pg.client()
                .confirm(pg.authorization(), new TossDtos.ConfirmRequest(paymentKey, orderId, amount.won()))) {
            int status = response.getStatus();
            if (status == 200) {
                return payment(provider, response.readEntity(TossDtos.Payment.class));
            }
            if (status >= 400 && status < 500) {
                return refusal(provider, status, response);
            }
            LOG.warnf(
                    "payment gateway %s answered a confirm of %s (order %s) with HTTP %d",
                    provider, Redact.key(paymentKey), Redact.key(orderId), status);
            return new Answer.Unknown("HTTP " + status);
        } catch (RuntimeException e) {
            // a timeout, a refused connection, a body we cannot read: the PG's word is unknown
            LOG.warnf(
                    "payment gateway %s did not answer a confirm of %s (order %s): %s",
                    provider,
                    Redact.key(paymentKey),
                    Redact.key(orderId),
                    Redact.within(e.toString(), paymentKey, orderId));
            return new Answer.Unknown(e.getClass().getSimpleName());
        }
    }

    @Override
    public Answer status(String provider, String paymentKey) {
        Provider pg = providers.get(provider);
        if (pg == null) {
            return new Answer.Unknown("no provider " + provider);
        }
        try (Response response = pg.client().payment(pg.authorization(), paymentKey)) {
            if (response.getStatus() == 200) {
                return payment(provider, response.readEntity(TossDtos.Payment.class));
            }
            LOG.warnf(
                    "payment gateway %s answered a status query of %s with HTTP %d",
                    provider, Redact.key(paymentKey), response.getStatus());
            return new Answer.Unknown("HTTP " + response.getStatus());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "payment gateway %s did not answer a status query of %s: %s",
                    provider, Redact.key(paymentKey), Redact.within(e.toString(), paymentKey));
            return new Answer.Unknown(e.getClass().getSimpleName());
        }
    }

    private static Answer payment(String provider, TossDtos.Payment payment) {
        String status = payment.status() == null ? "" : payment.status();
        return switch (status) {
            case "DONE" -> {
                if (payment.totalAmount() == null || payment.totalAmount() < 0) {
                    LOG.warnf("payment gateway %s reported DONE without an amount", provider);
                    yield new Answer.Unknown("DONE without an amount");
                }
                yield new Answer.Approved(Money.won(payment.totalAmount()), instant(payment.approvedAt()));
            }
            case "CANCELED", "PARTIAL_CANCELED" ->
                new Answer.Refused(TopUpStatus.CANCELLED, status, "the payment was cancelled at the payment gateway");
            case "ABORTED", "EXPIRED" ->
                new Answer.Refused(TopUpStatus.DECLINED, status, "the payment gateway reports the payment " + status);
            default -> new Answer.Unknown("payment " + status); // READY, IN_PROGRESS, WAITING_FOR_DEPOSIT
        };
    }

    private static Answer refusal(String provider, int status, Response response) {
        TossDtos.Failure failure;
        try {
            failure = response.readEntity(TossDtos.Failure.class);
        } catch (RuntimeException e) {
            failure = null;
        }
        String code = failure == null || failure.code() == null ? "HTTP_" + status : failure.code();
        String message = failure == null ? null : failure.message();
        if (status == 401 || status == 403) {
            LOG.errorf("payment gateway %s refused our credentials (%s): check its secret key", provider, code);
            return new Answer.Unknown(code);
        }
        if (status == 408 || status == 429 || NOT_A_VERDICT.contains(code)) {
            return new Answer.Unknown(code);
        }
        return new Answer.Refused(TopUpStatus.DECLINED, code, message);
    }

    private static Instant instant(String approvedAt) {
        if (approvedAt == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(approvedAt).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        for (Provider pg : providers.values()) {
            if (pg.client() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debugf("closing a payment gateway client: %s", e);
                }
            }
        }
    }
}
