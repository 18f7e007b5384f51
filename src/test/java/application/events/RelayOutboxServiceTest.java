package application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import application.events.port.in.RelayOutboxUseCase;
import application.events.port.out.EventSink;
import application.events.port.out.OutboxRelayStore;
import domain.event.DomainEvent;
import domain.event.RetryPolicy;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelayOutboxServiceTest {

    @Test
    void withNoReceiverConfiguredTheRelayStaysIdleAndTouchesNothing() {
        OutboxRelayStore untouchable = (OutboxRelayStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {OutboxRelayStore.class}, (proxy, method, args) -> {
                    throw new AssertionError("the store was used: " + method.getName());
                });
        EventSink unconfigured = new EventSink() {
            @Override
            public boolean isConfigured() {
                return false;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Set<UUID> deliver(List<DomainEvent> events) {
                throw new AssertionError("nothing may be sent");
            }
        };
        RelaySettings settings = new RelaySettings(
                10, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 3), Duration.ofDays(7));
        RelayOutboxService relay = new RelayOutboxService(
                new OutboxBatches(untouchable, settings),
                unconfigured,
                (d, r, p) -> {},
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertEquals(RelayOutboxUseCase.Result.IDLE, relay.relayOnce());
    }
}
