package application.reconciliation;

import application.reconciliation.port.in.GetReconciliationReportUseCase;
import application.reconciliation.port.out.ReconciliationCases;
import application.reconciliation.port.out.ReconciliationReports;
import domain.reconciliation.OpenCases;
import domain.reconciliation.RunReport;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

@ApplicationScoped
public class GetReconciliationReportService implements GetReconciliationReportUseCase {
    private final ReconciliationReports reports;
    private final ReconciliationCases cases;
    private final Clock clock;

    public GetReconciliationReportService(ReconciliationReports reports, ReconciliationCases cases, Clock clock) {
        this.reports = reports;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RunReport report(LocalDate date) {
        return reports.latest(date, LINE_ERRORS_SHOWN)
                .orElseThrow(() -> new NotFoundException("reconciliation", String.valueOf(date)))
                .withOpenCases(OpenCases.of(cases.openCounts(clock.instant())));
    }
}
