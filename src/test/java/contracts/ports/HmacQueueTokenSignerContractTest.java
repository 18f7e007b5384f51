package contracts.ports;

import adapters.security.HmacQueueTokenSigner;
import application.queue.port.out.QueueTokenSigner;

/** The real signer needs no infrastructure: it is built as the application builds it, from its key. */
class HmacQueueTokenSignerContractTest extends QueueTokenSignerContract {
    @Override
    protected QueueTokenSigner signer(String key) {
        return new HmacQueueTokenSigner(key);
    }
}
