package contracts.ports;

import application.fakes.FakeQueueTokenSigner;

class FakeQueueTokenSignerContractTest extends QueueTokenSignerContract {
    /** The keyed SHA-256 stand-in. */
    FakeQueueTokenSignerContractTest() {
        super(FakeQueueTokenSigner::new);
    }
}
