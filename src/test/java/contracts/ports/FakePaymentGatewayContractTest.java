package contracts.ports;

class FakePaymentGatewayContractTest extends PaymentGatewayContract {
    /** FakePaymentGateway, scripted per payment key. */
    FakePaymentGatewayContractTest() {
        super(Stores::fakes);
    }
}
