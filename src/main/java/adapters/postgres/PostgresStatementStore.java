package adapters.postgres;

import adapters.config.ReconciliationConfig;
import application.reconciliation.port.out.StatementSource;
import application.reconciliation.port.out.StatementStore;
import domain.reconciliation.Action;
import domain.reconciliation.BookedTopUp;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.Category;
import domain.reconciliation.GatewayStatus;
import domain.reconciliation.LineError;
import domain.reconciliation.ReconciliationState;
import domain.reconciliation.RecordType;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StatementLine;
import domain.reconciliation.Step;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Verdict;
import domain.topup.TopUpStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk work of a reconciliation step on plain JDBC: lines go in with {@code COPY} (one round trip
 * per 64 KiB), the match is one hash join read through a cursor, and items go out with {@code COPY}
 * as the domain classifies them. Nothing holds more than a buffer and a fetch batch in memory. The
 * batch runs on its own threads outside any JTA transaction; each method commits its own work.
 */
@ApplicationScoped
public class PostgresStatementStore implements StatementStore {
    private static final int COPY_BUFFER = 64 * 1024;
    private static final int FETCH_SIZE = 10_000;
    /** Item ids per state-change transaction. */
    private static final int STATE_WINDOW = 20_000;

    private final AgroalDataSource dataSource;
    /** Connections one step's bulk statements use at once (D69): classify partitions, state windows. */
    private final int connections;

    public PostgresStatementStore(AgroalDataSource dataSource, ReconciliationConfig config) {
        this.dataSource = dataSource;
        this.connections = config.stageConnections();
    }

    @Override
    public Staged stage(UUID runId, Step step, StatementSource.StatementFile file, int maxErrorsKept) {
        return inTransaction(c -> {
            CopyIn copy = copyIn(c, """
                    COPY recon_staging (run_id, provider, kind, line_no, payment_key, status, amount, fee, net,
                                        settlement_date) FROM STDIN""");
            CopyWriter rows = new CopyWriter(copy);
            List<LineError> kept = new ArrayList<>();
            long[] counts = new long[2];
            String prefix = runId + "\t" + CopyWriter.escape(step.provider()) + "\t" + step.kind() + "\t";
            try {
                file.read(
                        line -> {
                            rows.raw(prefix)
                                    .field(line.lineNo())
                                    .field(line.paymentKey())
                                    .field(line.status().name())
                                    .field(line.amount())
                                    .field(line.fee())
                                    .field(line.net())
                                    .last(line.settlementDate());
                            counts[0]++;
                        },
                        error -> {
                            if (kept.size() < maxErrorsKept) {
                                kept.add(error);
                            }
                            counts[1]++;
                        });
                rows.finish();
            } catch (RuntimeException e) {
                rows.cancel();
                throw e;
            }
            List<Map<String, Object>> errors = new ArrayList<>(kept.size());
            for (LineError error : kept) {
                Map<String, Object> row = stepParameters(runId, step);
                row.put("file", file.name());
                row.put("line", error.lineNo());
                row.put("reason", error.reason().length() > 500 ? error.reason().substring(0, 500) : error.reason());
                errors.add(row);
            }
            Jdbc.batch(c, """
                    INSERT INTO recon_file_error (run_id, provider, kind, file_name, line_no, reason)
                    VALUES (:run, :provider, :kind, :file, :line, :reason)""", errors);
            return new Staged(counts[0], counts[1]);
        });
    }

    @Override
    public long classify(UUID runId, Step step, BusinessDay day, Classifier classifier) {
        inTransaction(c -> {
            deleteItems(c, runId, step);
            return null;
        });
        // the step's payment keys split by hash into `connections` parts, each read through its own
        // cursor and written by its own COPY at once: the join, the domain's verdicts and the COPY of
        // one part go on while another's do (a re-run starts over from the delete above)
        List<Long> written = inParallel(connections, part -> classifyPart(runId, step, day, classifier, part));
        return written.stream().mapToLong(Long::longValue).sum();
    }

    private long classifyPart(UUID runId, Step step, BusinessDay day, Classifier classifier, int part) {
        try (Connection read = dataSource.getConnection()) {
            boolean autoCommit = read.getAutoCommit();
            read.setAutoCommit(false); // a cursor (fetch size) needs a transaction
            try {
                long written = inTransaction(write -> copyItems(read, write, runId, step, day, classifier, part));
                read.commit();
                return written;
            } finally {
                read.rollback();
                read.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "classifying " + step + " of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    private long copyItems(
            Connection read, Connection write, UUID runId, Step step, BusinessDay day, Classifier classifier, int part)
            throws SQLException {
        boolean transactions = step.kind() == StatementKind.TRANSACTIONS;
        // the part's payment keys are grouped and its matches put in record order by two sorts of half a
        // million rows each: room to do both in memory instead of in temporary files; the keys are grouped
        // in byte order (COLLATE "C": any order groups them, and a byte comparison is the cheapest)
        Jdbc.update(read, "SET LOCAL work_mem = '256MB'", Map.of());
        String sql = """
                WITH pg AS (
                    SELECT payment_key COLLATE "C" AS payment_key, min(line_no) AS line_no,
                           CASE WHEN bool_or(status = 'CANCELLED') THEN 'CANCELLED' ELSE 'APPROVED' END AS status,
                           coalesce(max(amount) FILTER (WHERE status = 'APPROVED'), max(amount)) AS amount,
                           sum(fee) AS fee, sum(net) AS net, max(settlement_date) AS settlement_date
                    FROM recon_staging WHERE run_id = :run AND provider = :provider AND kind = :kind
                      AND (hashtext(payment_key) & 2147483647) % :parts = :part
                    GROUP BY 1)
                SELECT pg.payment_key, pg.line_no, pg.status, pg.amount, pg.fee, pg.net, pg.settlement_date,
                       {status} AS our_status, t.amount AS our_amount, t.id AS record_id,
                       t.reconciliation_state, t.reconciliation_stage
                FROM pg LEFT JOIN {table} t ON t.provider = :provider AND t.{key} = pg.payment_key COLLATE "default"
                """;
        // the staged lines have no statistics (the service may not ANALYZE a table it does not own):
        // "ours but not in the file" is a NOT IN over a NOT NULL column, which the planner answers with
        // one hash of the part's keys whatever it guesses; a NOT EXISTS became a nested loop over the
        // whole staging per top-up on a million-line day (quadratic; the socket timeout ended it)
        Map<String, Object> parameters = stepParameters(runId, step);
        parameters.put("parts", connections);
        parameters.put("part", part);
        if (transactions) {
            sql += """
                    UNION ALL
                    SELECT t.{key}, NULL, NULL, NULL, NULL, NULL, NULL, {status}, t.amount, t.id,
                           t.reconciliation_state, t.reconciliation_stage
                    FROM {table} t
                    WHERE t.provider = :provider AND {credited} AND t.{day} >= :dayStart
                      AND t.{day} < :dayEnd AND (hashtext(t.{key}) & 2147483647) % :parts = :part
                      AND t.{key} NOT IN (SELECT s.payment_key FROM recon_staging s
                                          WHERE s.run_id = :run AND s.provider = :provider AND s.kind = :kind
                                            AND (hashtext(s.payment_key) & 2147483647) % :parts = :part)
                    """;
            parameters.put("dayStart", day.start());
            parameters.put("dayEnd", day.end());
        }
        // items in record order (the rows without a record last): the state change's windows of item
        // ids then each cover a narrow range of record ids, so its index probes of our records and its
        // history index entries land on neighbouring pages instead of anywhere in either index
        sql = Records.of(step).spell("SELECT * FROM (" + sql + ") m ORDER BY m.record_id NULLS LAST");
        CopyWriter items = new CopyWriter(copyIn(write, """
                COPY recon_item (run_id, provider, kind, category, payment_key, line_no, pg_status, our_status,
                                 pg_amount, our_amount, fee, expected_fee, net, expected_net, action, note,
                                 record_id, state_from, stage_from, state_to, stage_to)
                FROM STDIN"""));
        String prefix = runId + "\t" + CopyWriter.escape(step.provider()) + "\t" + step.kind() + "\t";
        long[] written = {0};
        try {
            Jdbc.forEach(read, sql, parameters, FETCH_SIZE, PostgresStatementStore::matched, match -> {
                StatementLine pg = match.pg();
                BookedTopUp ours = match.ours();
                Verdict verdict = classifier.classify(pg, ours);
                Long expectedFee = step.kind() == StatementKind.SETTLEMENTS && ours != null
                        ? step.fees().expectedFee(ours.amount())
                        : null;
                items.raw(prefix)
                        .field(verdict.category().name())
                        .field(match.paymentKey())
                        .field(pg == null ? null : pg.lineNo())
                        .field(pg == null ? null : pg.status().name())
                        .field(ours == null ? null : ours.status().name())
                        .field(pg == null ? null : pg.amount())
                        .field(ours == null ? null : ours.amount())
                        .field(pg == null ? null : pg.fee())
                        .field(expectedFee)
                        .field(pg == null ? null : pg.net())
                        .field(expectedFee == null ? null : ours.amount() - expectedFee)
                        .field(verdict.action().name())
                        .field(verdict.note())
                        .field(match.recordId())
                        .field(ours == null ? null : ours.state().state())
                        .field(
                                ours == null || ours.state().stage() == null
                                        ? null
                                        : ours.state().stage().name())
                        .field(verdict.next() == null ? null : verdict.next().state())
                        .last(
                                verdict.next() == null
                                        ? null
                                        : verdict.next().stage().name());
                written[0]++;
            });
            items.finish();
        } catch (RuntimeException | SQLException e) {
            items.cancel();
            throw e;
        }
        return written[0];
    }

    /**
     * Which of our records a provider's files are matched against (D62), spelled into the SQL in
     * place of {@code {table}}, {@code {key}} (the column the payment key matches), {@code {status}}
     * (our status as a top-up's, NULL when we have no record: a sale is final, APPROVED), {@code {credited}} (what counts as ours
     * for "not in the PG's file"), {@code {day}} (the instant that puts it on a business day) and
     * {@code {type}} (the history's record type).
     */
    private record Records(String table, String key, String status, String credited, String day, RecordType type) {
        private static final Records TOPUPS = new Records(
                "topup", "payment_key", "t.status", "t.status = 'APPROVED'", "created_at", RecordType.TOPUP);
        private static final Records BOX_OFFICE_SALES = new Records(
                "box_office_sale",
                "approval_no",
                "CASE WHEN t.id IS NULL THEN NULL ELSE 'APPROVED' END",
                "TRUE",
                "approved_at",
                RecordType.BOX_OFFICE_SALE);

        static Records of(Step step) {
            return switch (step.records()) {
                case TOPUP -> TOPUPS;
                case BOX_OFFICE_SALE -> BOX_OFFICE_SALES;
            };
        }

        String spell(String sql) {
            return sql.replace("{table}", table)
                    .replace("{key}", key)
                    .replace("{status}", status)
                    .replace("{credited}", credited)
                    .replace("{day}", day)
                    .replace("{type}", type.name());
        }
    }

    /** A payment key with the PG's line for it (aggregated) and our record (and its id); either may be missing. */
    private record Matched(String paymentKey, StatementLine pg, BookedTopUp ours, UUID recordId) {}

    private static Matched matched(Jdbc.Row row) throws SQLException {
        String key = row.string("payment_key");
        StatementLine pg = row.string("status") == null
                ? null
                : new StatementLine(
                        row.longValue("line_no"),
                        key,
                        row.enumValue("status", GatewayStatus.class),
                        row.longValue("amount"),
                        row.nullableLong("fee"),
                        row.nullableLong("net"),
                        row.date("settlement_date"));
        TopUpStatus ourStatus = row.enumValue("our_status", TopUpStatus.class);
        BookedTopUp ours = ourStatus == null
                ? null
                : new BookedTopUp(
                        key,
                        ourStatus,
                        row.longValue("our_amount"),
                        ReconciliationState.of(row.string("reconciliation_state"), row.string("reconciliation_stage")));
        return new Matched(key, pg, ours, ours == null ? null : row.uuid("record_id"));
    }

    private static void deleteItems(Connection c, UUID runId, Step step) throws SQLException {
        Jdbc.update(
                c,
                "DELETE FROM recon_item WHERE run_id = :run AND provider = :provider AND kind = :kind",
                stepParameters(runId, step));
    }

    @Override
    public long applyStates(UUID runId, Step step, BusinessDay day, Instant now) {
        Map<String, Object> parameters = stepParameters(runId, step);
        parameters.put("date", day.date());
        parameters.put("now", now);
        IdRange ids = inTransaction(c -> Jdbc.query(
                        c,
                        """
                SELECT min(id) AS low, max(id) AS high FROM recon_item
                WHERE run_id = :run AND provider = :provider AND kind = :kind AND state_to IS NOT NULL""",
                        parameters,
                        row -> row.nullableLong("low") == null
                                ? new IdRange(0, -1)
                                : new IdRange(row.longValue("low"), row.longValue("high"))))
                .getFirst();
        // windows of item ids, each its own short transaction: a day's first run changes a million
        // records, more than one statement may take under the connection's socket timeout; the
        // windows go `connections` at a time (each record is in one item of the step, so no two
        // windows touch the same record), each in record order (its history index entries land
        // side by side instead of on random pages)
        // compare-and-set: a record changes only from the state its item was classified against (a
        // concurrent change by another date's run is never overwritten blindly); the history row is
        // written by the same statement, once per real change
        List<long[]> windows = new ArrayList<>();
        for (long from = ids.low(); from <= ids.high(); from += STATE_WINDOW) {
            windows.add(new long[] {from, Math.min(ids.high(), from + STATE_WINDOW - 1)});
        }
        AtomicInteger next = new AtomicInteger();
        List<Long> changed = inParallel(Math.min(connections, Math.max(1, windows.size())), worker -> {
            long count = 0;
            for (int w = next.getAndIncrement(); w < windows.size(); w = next.getAndIncrement()) {
                Map<String, Object> window = new HashMap<>(parameters);
                window.put("from", windows.get(w)[0]);
                window.put("to", windows.get(w)[1]);
                count += inTransaction(c -> {
                    // a window is 20,000 index probes of our records; without statistics on the items
                    // just written the planner hashes them and scans the whole table instead, once per
                    // window (50 full scans of a million-row table per stage)
                    Jdbc.update(c, "SET LOCAL enable_hashjoin = off", Map.of());
                    Jdbc.update(c, "SET LOCAL enable_mergejoin = off", Map.of());
                    return Jdbc.update(c, Records.of(step).spell("""
                        WITH changed AS (
                            UPDATE {table} t SET reconciliation_state = i.state_to, reconciliation_stage = i.stage_to
                            FROM (SELECT record_id, state_from, stage_from, state_to, stage_to, category, note
                                  FROM recon_item
                                  WHERE run_id = :run AND id BETWEEN :from AND :to AND provider = :provider
                                    AND kind = :kind AND state_to IS NOT NULL
                                  ORDER BY record_id) i
                            WHERE t.id = i.record_id AND t.reconciliation_state = i.state_from
                              AND t.reconciliation_stage IS NOT DISTINCT FROM i.stage_from
                            RETURNING t.id, i.state_from, i.state_to, i.category, i.note)
                        INSERT INTO recon_record_history (record_type, record_id, from_state, to_state, run_id,
                                                          business_date, provider, kind, at, detail)
                        SELECT '{type}', id, state_from, state_to, :run, :date, :provider, :kind, :now,
                               left(category || coalesce(': ' || note, ''), 500)
                        FROM changed ORDER BY id"""), window);
                });
            }
            return count;
        });
        return changed.stream().mapToLong(Long::longValue).sum();
    }

    /** The ids of a step's items that ask for a state change; empty when {@code high < low}. */
    private record IdRange(long low, long high) {}

    @Override
    public List<KeyedItem> itemsToSettle(UUID runId, Step step, Action action, long afterId, int limit) {
        Map<String, Object> parameters = stepParameters(runId, step);
        parameters.put("action", action.name());
        parameters.put("after", afterId);
        parameters.put("limit", limit);
        // read in the caller's transaction (a settle chunk's, D55), or on its own outside one
        return withConnection(c ->
                Jdbc.query(c, """
                SELECT id, payment_key FROM recon_item
                WHERE run_id = :run AND provider = :provider AND kind = :kind AND action = :action
                  AND action <> 'NONE' AND id > :after
                ORDER BY id LIMIT :limit""", parameters, row -> new KeyedItem(row.longValue("id"), row.string("payment_key"))));
    }

    @Override
    public StepSummary summarize(UUID runId, Step step) {
        List<Tallied> rows = inTransaction(c -> Jdbc.query(
                c,
                """
                SELECT category, count(*) AS count, coalesce(sum(coalesce(pg_amount, our_amount)), 0) AS amount,
                       coalesce(sum(fee), 0) AS fees, coalesce(sum(expected_fee), 0) AS expected_fees,
                       coalesce(sum(net), 0) AS payout, coalesce(sum(expected_net), 0) AS expected_payout
                FROM recon_item WHERE run_id = :run AND provider = :provider AND kind = :kind
                GROUP BY category""",
                stepParameters(runId, step),
                row -> new Tallied(
                        row.enumValue("category", Category.class),
                        new StepSummary.Tally(row.longValue("count"), row.longValue("amount")),
                        row.longValue("fees"),
                        row.longValue("expected_fees"),
                        row.longValue("payout"),
                        row.longValue("expected_payout"))));
        Map<Category, StepSummary.Tally> categories = new EnumMap<>(Category.class);
        long fees = 0, expectedFees = 0, payout = 0, expectedPayout = 0;
        for (Tallied row : rows) {
            categories.put(row.category(), row.tally());
            fees += row.fees();
            expectedFees += row.expectedFees();
            payout += row.payout();
            expectedPayout += row.expectedPayout();
        }
        return new StepSummary(categories, fees, expectedFees, payout, expectedPayout);
    }

    /** One category's line of a step's summary. */
    private record Tallied(
            Category category,
            StepSummary.Tally tally,
            long fees,
            long expectedFees,
            long payout,
            long expectedPayout) {}

    @Override
    public void unstage(UUID runId, Step step) {
        inTransaction(c -> Jdbc.update(
                c,
                "DELETE FROM recon_staging WHERE run_id = :run AND provider = :provider AND kind = :kind",
                stepParameters(runId, step)));
    }

    private static Map<String, Object> stepParameters(UUID runId, Step step) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("run", runId);
        parameters.put("provider", step.provider());
        parameters.put("kind", step.kind().name());
        return parameters;
    }

    private static CopyIn copyIn(Connection c, String sql) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /**
     * Runs {@code work} for parts 0 … n−1 on n threads at once and returns their results in part
     * order; the first failure is thrown once all have ended (each part commits or rolls back its own).
     */
    private static <T> List<T> inParallel(int n, IntFunction<T> work) {
        if (n == 1) {
            return List.of(work.apply(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                n, Thread.ofPlatform().name("reconciliation-db-", 0).factory());
        try {
            List<Future<T>> running = new ArrayList<>(n);
            for (int part = 0; part < n; part++) {
                int p = part;
                running.add(pool.submit(() -> work.apply(p)));
            }
            List<T> results = new ArrayList<>(n);
            RuntimeException failure = null;
            for (Future<T> future : running) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    RuntimeException cause =
                            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the reconciliation's statements ran", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reconciliation store: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reconciliation store: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Rows in COPY's text format, buffered and sent 64 KiB at a time. */
    private static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(COPY_BUFFER + 1024);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        CopyWriter raw(String text) {
            buffer.append(text);
            return this;
        }

        CopyWriter field(Object value) {
            append(value);
            buffer.append('\t');
            return this;
        }

        void last(Object value) {
            append(value);
            buffer.append('\n');
            if (buffer.length() >= COPY_BUFFER) {
                flush();
            }
        }

        private void append(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof Long || value instanceof LocalDate || value instanceof UUID) {
                buffer.append(value);
            } else {
                buffer.append(escape(value.toString()));
            }
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the transaction rolls back anyway
            }
        }

        private void flush() {
            if (!buffer.isEmpty()) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                try {
                    copy.writeToCopy(bytes, 0, bytes.length);
                } catch (SQLException e) {
                    throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
                }
                buffer.setLength(0);
            }
        }

        static String escape(String text) {
            boolean plain = true;
            for (int i = 0; i < text.length() && plain; i++) {
                char ch = text.charAt(i);
                plain = ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r';
            }
            if (plain) {
                return text;
            }
            return text.replace("\\", "\\\\")
                    .replace("\t", "\\t")
                    .replace("\n", "\\n")
                    .replace("\r", "\\r");
        }
    }
}
