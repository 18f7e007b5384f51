package adapters.config;

import application.events.UndeliveredRetention;
import application.wallet.WalletSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The wallet's and the outbox retention's settings as plain values (issue #15, points 1, 2 and 7). */
public class WalletSettingsProducer {

    @Produces
    @Singleton
    WalletSettings walletSettings(WalletConfig wallet) {
        return new WalletSettings(
                wallet.directCharges().enabled(),
                wallet.topUpOrderTtl(),
                wallet.topUpOrders().maxOpen(),
                wallet.topUpOrders().retention(),
                wallet.pendingSweep().after(),
                wallet.pendingSweep().batchSize());
    }

    @Produces
    @Singleton
    UndeliveredRetention undeliveredRetention(BookingConfig.Events events) {
        return new UndeliveredRetention(events.relay().undeliveredRetention());
    }
}
