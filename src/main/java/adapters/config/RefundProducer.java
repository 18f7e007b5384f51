package adapters.config;

import application.refund.RefundSettings;
import domain.refund.RefundPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Refund settings from configuration; a bad value stops the start with the policy's message. */
public class RefundProducer {

    @Produces
    @Singleton
    RefundSettings refundSettings(RefundConfig config) {
        RefundConfig.Cancellation job = config.cancellation();
        if (job.batchSize() < 1 || job.batchSize() > 10_000) {
            throw new IllegalArgumentException("refund.cancellation.batch-size is 1 … 10000, not " + job.batchSize());
        }
        return new RefundSettings(
                new RefundPolicy(config.cutoff(), config.feePercent()),
                job.batchSize(),
                job.chunkTimeout(),
                job.maxRunTime());
    }
}
