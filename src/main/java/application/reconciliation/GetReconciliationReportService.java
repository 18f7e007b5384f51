package application.reconciliation;

import application.reconciliation.port.in.GetReconciliationReportUseCase;
import application.reconciliation.port.out.ReconciliationReports;
import domain.reconciliation.RunReport;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

@ApplicationScoped
public class GetReconciliationReportService implements GetReconciliationReportUseCase {
    private final ReconciliationReports reports;

    public GetReconciliationReportService(ReconciliationReports reports) {
        this.reports = reports;
    }

    @Override
    @Transactional
    public RunReport report(LocalDate date) {
        return reports.latest(date, LINE_ERRORS_SHOWN)
                .orElseThrow(() -> new NotFoundException("reconciliation", String.valueOf(date)));
    }
}
