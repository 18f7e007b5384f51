package application.fakes;

import application.wallet.port.out.PaymentGateway;
import domain.shared.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PGs that answer what the test scripted, per payment key (unscripted: unknown), and count the calls.
 * Like a real PG (and {@code TossPaymentGateway}): a provider that is not configured is unknown, and
 * a status query of a payment the PG gave its word on answers that word unless the test scripted
 * another.
 */
public final class FakePaymentGateway implements PaymentGateway {
    private final Set<String> providers;
    private final Map<String, Answer> confirmAnswers = new HashMap<>();
    private final Map<String, Answer> statusAnswers = new HashMap<>();
    private final Map<String, Answer> givenWords = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    public FakePaymentGateway(String... providers) {
        this.providers = Set.of(providers);
    }

    public synchronized FakePaymentGateway onConfirm(String paymentKey, Answer answer) {
        confirmAnswers.put(paymentKey, answer);
        return this;
    }

    public synchronized FakePaymentGateway onStatus(String paymentKey, Answer answer) {
        statusAnswers.put(paymentKey, answer);
        return this;
    }

    /** "confirm toss/pk amount" and "status toss/pk", in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Set<String> providers() {
        return providers;
    }

    @Override
    public synchronized Answer confirm(String provider, String paymentKey, String orderId, Money amount) {
        calls.add("confirm " + provider + "/" + paymentKey + " " + amount.won());
        if (!providers.contains(provider)) {
            return new Answer.Unknown("no provider " + provider);
        }
        Answer answer = confirmAnswers.getOrDefault(paymentKey, new Answer.Unknown("not scripted"));
        if (!(answer instanceof Answer.Unknown)) {
            givenWords.put(paymentKey, answer);
        }
        return answer;
    }

    @Override
    public synchronized Answer status(String provider, String paymentKey) {
        calls.add("status " + provider + "/" + paymentKey);
        if (!providers.contains(provider)) {
            return new Answer.Unknown("no provider " + provider);
        }
        Answer scripted = statusAnswers.get(paymentKey);
        return scripted != null ? scripted : givenWords.getOrDefault(paymentKey, new Answer.Unknown("not scripted"));
    }
}
