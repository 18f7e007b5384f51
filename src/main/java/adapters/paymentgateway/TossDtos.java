package adapters.paymentgateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The PG's JSON. Read from a {@code Response}, which hides the types from the build, so they are
 * registered for reflection explicitly (native image).
 */
final class TossDtos {
    private TossDtos() {}

    @RegisterForReflection
    record ConfirmRequest(String paymentKey, String orderId, long amount) {}

    /** A payment: {@code status} is DONE, CANCELED, PARTIAL_CANCELED, ABORTED, EXPIRED, IN_PROGRESS, READY, … */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
            String paymentKey, String orderId, String status, Long totalAmount, String approvedAt, String method) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Failure(String code, String message) {}
}
