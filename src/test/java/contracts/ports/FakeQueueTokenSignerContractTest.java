package contracts.ports;

import application.fakes.FakeQueueTokenSigner;
import application.queue.port.out.QueueTokenSigner;

class FakeQueueTokenSignerContractTest extends QueueTokenSignerContract {
    @Override
    protected QueueTokenSigner signer(String key) {
        return new FakeQueueTokenSigner(key);
    }
}
