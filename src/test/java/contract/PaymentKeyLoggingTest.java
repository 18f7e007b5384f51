package contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.PaymentGateway;
import domain.shared.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.GatewayStandIn;

/**
 * Payment keys and order ids reach the log masked (first and last four characters): every log line
 * of the payment gateway adapter is captured while the PG fails in each way the adapter logs.
 */
@QuarkusTest
@TestProfile(PaymentGatewayProfile.class)
class PaymentKeyLoggingTest {
    @Inject
    PaymentGateway gateway;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("adapters.paymentgateway");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        GatewayStandIn.current().releaseHung();
    }

    @Test
    void aPgThatFailsOrIsUnreachableIsLoggedWithMaskedKeys() {
        String key = "tpk_" + UUID.randomUUID().toString().replace("-", "");
        String order = "order-" + UUID.randomUUID();
        GatewayStandIn.current().onConfirm(key, GatewayStandIn.Confirm.FAIL);

        assertInstanceOf(PaymentGateway.Answer.Unknown.class, gateway.confirm("toss", key, order, Money.won(1000)));
        assertInstanceOf(PaymentGateway.Answer.Unknown.class, gateway.confirm("down", key, order, Money.won(1000)));
        assertInstanceOf(PaymentGateway.Answer.Unknown.class, gateway.status("down", key));
        String unknownKey = key + "unknown";
        assertInstanceOf(PaymentGateway.Answer.Unknown.class, gateway.status("toss", unknownKey));

        assertTrue(lines.size() >= 4, "each failure was logged: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(key), line);
            assertFalse(line.contains(order), line);
        }
        String masked = key.substring(0, 4) + "…" + key.substring(key.length() - 4);
        assertTrue(lines.stream().anyMatch(l -> l.contains(masked)), "the masked key identifies the payment: " + lines);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains(order.substring(0, 4) + "…" + order.substring(order.length() - 4))),
                lines.toString());
    }
}
