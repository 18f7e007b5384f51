package adapters.settlementfiles;

import adapters.config.ReconciliationConfig;
import application.reconciliation.port.out.StatementSource;
import domain.reconciliation.StatementKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The inbox the PGs' files are dropped into: {@code <reconciliation.inbox>/<provider>/<file>}, the
 * file named by the provider's layout (e.g. {@code toss/toss_transactions_2026-11-21.csv}).
 */
@ApplicationScoped
public class FileStatementSource implements StatementSource {
    private static final int BUFFER = 1 << 16;

    private final ReconciliationConfig config;

    public FileStatementSource(ReconciliationConfig config) {
        this.config = config;
    }

    @Override
    public StatementFile open(String provider, StatementKind kind, LocalDate businessDate) {
        String layoutName = config.providers().get(provider) == null
                ? provider
                : config.providers().get(provider).layout().orElse(provider);
        ProviderLayout layout = Layouts.named(layoutName)
                .orElseThrow(() -> new StatementUnavailableException(
                        provider + "/",
                        "provider " + provider + " has no known file layout '" + layoutName + "' (" + Layouts.names()
                                + ")"));
        String fileName = provider + "/" + layout.fileName(kind, businessDate);
        Path path = Path.of(config.inbox()).resolve(provider).resolve(layout.fileName(kind, businessDate));
        try {
            InputStream in = Files.newInputStream(path);
            try {
                return switch (layout.spec(kind).format()) {
                    case ProviderLayout.Delimited delimited ->
                        new DelimitedStatementFile(
                                fileName,
                                new BufferedReader(
                                        new InputStreamReader(
                                                in,
                                                layout.charset()
                                                        .newDecoder()
                                                        .onMalformedInput(CodingErrorAction.REPORT)
                                                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                                        BUFFER),
                                layout,
                                layout.spec(kind));
                    case ProviderLayout.FixedWidth fixed ->
                        new FixedWidthStatementFile(fileName, in, layout, layout.spec(kind));
                };
            } catch (RuntimeException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new StatementUnavailableException(fileName, "missing from the inbox (" + path + ")");
        } catch (IOException e) {
            throw new StatementUnavailableException(fileName, "unreadable (" + e + ")");
        }
    }
}
