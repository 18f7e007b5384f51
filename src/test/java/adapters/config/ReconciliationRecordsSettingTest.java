package adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.reconciliation.RecordType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** reconciliation.providers.<name>.records (D62): its default follows the layout, and only two values pass. */
class ReconciliationRecordsSettingTest {
    private static ReconciliationConfig.Provider provider(String layout, String records) {
        return new ReconciliationConfig.Provider() {
            @Override
            public Optional<String> layout() {
                return Optional.ofNullable(layout);
            }

            @Override
            public Optional<String> records() {
                return Optional.ofNullable(records);
            }

            @Override
            public int feeBps() {
                return 0;
            }
        };
    }

    @Test
    void welcomeOfflineFilesReconcileBoxOfficeSalesUnlessToldOtherwise() {
        assertEquals(
                RecordType.BOX_OFFICE_SALE, ReconciliationProducer.records("welcome-offline", provider(null, null)));
        assertEquals(
                RecordType.BOX_OFFICE_SALE,
                ReconciliationProducer.records("terminals", provider("welcome-offline", null)));
        assertEquals(RecordType.TOPUP, ReconciliationProducer.records("welcome-offline", provider(null, "topups")));
        assertEquals(RecordType.TOPUP, ReconciliationProducer.records("toss", provider(null, null)));
        assertEquals(
                RecordType.BOX_OFFICE_SALE,
                ReconciliationProducer.records("ksnet", provider(null, "box-office-sales")));
    }

    @Test
    void anotherValueRefusesTheStart() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ReconciliationProducer.records("ksnet", provider(null, "sales")));
        assertEquals(
                "reconciliation.providers.ksnet.records must be topups or box-office-sales, not 'sales'",
                refused.getMessage());
    }
}
