package application.refund;

import domain.refund.RefundPolicy;
import domain.shared.Configured;
import java.time.Duration;

/**
 * Refunds: the owner's policy (refund.cutoff, refund.fee-percent) and how the cancellation job runs
 * (refund.cancellation.batch-size seats per chunk, refund.cancellation.chunk-timeout per chunk's
 * transaction, refund.cancellation.max-run-time per run before it yields to the next).
 */
public record RefundSettings(RefundPolicy policy, int batchSize, Duration chunkTimeout, Duration maxRunTime)
        implements Configured {}
