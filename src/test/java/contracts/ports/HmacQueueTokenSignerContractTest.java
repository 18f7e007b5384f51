package contracts.ports;

import adapters.security.HmacQueueTokenSigner;

class HmacQueueTokenSignerContractTest extends QueueTokenSignerContract {
    /** HMAC-SHA256, built from its key as the application builds it (no infrastructure needed). */
    HmacQueueTokenSignerContractTest() {
        super(HmacQueueTokenSigner::new);
    }
}
