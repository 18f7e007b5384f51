package application.fakes;

import application.booking.port.out.BoxOfficeSales;
import domain.payment.BoxOfficeSale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Box-office sales in memory: one sale per (provider, approval number), like the table's unique key. */
public final class InMemoryBoxOfficeSales implements BoxOfficeSales, TransactionalFake {
    private Map<UUID, BoxOfficeSale> sales = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(BoxOfficeSale sale) {
        boolean taken = sales.values().stream()
                .anyMatch(s -> s.approval().provider().equals(sale.approval().provider())
                        && s.approval().approvalNo().equals(sale.approval().approvalNo()));
        if (taken) {
            return false;
        }
        sales.put(sale.id(), sale);
        return true;
    }

    @Override
    public synchronized Optional<Recorded> findById(UUID id) {
        return Optional.ofNullable(sales.get(id)).map(sale -> new Recorded(sale, Map.of(), "UNRECONCILED", null));
    }

    public synchronized int count() {
        return sales.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, BoxOfficeSale> saved = new LinkedHashMap<>(sales);
        return () -> {
            synchronized (this) {
                sales = saved;
            }
        };
    }
}
