package adapters.rest;

import application.reconciliation.port.in.GetReconciliationReportUseCase;
import application.reconciliation.port.in.GetRecordHistoryUseCase;
import application.reconciliation.port.in.ListReconciliationCasesUseCase;
import application.reconciliation.port.in.ListReconciliationItemsUseCase;
import application.reconciliation.port.in.ReconcileRangeUseCase;
import application.reconciliation.port.in.ResolveReconciliationCaseUseCase;
import application.reconciliation.port.in.StartReconciliationUseCase;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.reconciliation.CaseStatus;
import domain.reconciliation.Category;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReconciliationCase;
import domain.reconciliation.RecordHistoryEntry;
import domain.reconciliation.ReportItem;
import domain.reconciliation.Resolution;
import domain.reconciliation.RunReport;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Trigger;
import domain.shared.InvalidValueException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the daily reconciliation by hand and reads its report (docs/reconciliation.md). */
@Path("/api/v1/admin/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.RECONCILIATION)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminReconciliationResource {
    static final String BASE = "/api/v1/admin/reconciliations/";

    private final StartReconciliationUseCase start;
    private final GetReconciliationReportUseCase reports;
    private final ListReconciliationItemsUseCase items;
    private final Pagination pagination;
    /** The lists' names in their cursors: a cursor of one list is refused by another. */
    private static final String ITEMS = "reconciliation-items";

    private static final String HISTORY = "reconciliation-history";
    private static final String CASES = "reconciliation-cases";
    private final ReconcileRangeUseCase range;
    private final GetRecordHistoryUseCase history;
    private final ListReconciliationCasesUseCase cases;
    private final ResolveReconciliationCaseUseCase resolve;
    private final JsonWebToken caller;

    public AdminReconciliationResource(
            StartReconciliationUseCase start,
            GetReconciliationReportUseCase reports,
            ListReconciliationItemsUseCase items,
            ReconcileRangeUseCase range,
            GetRecordHistoryUseCase history,
            ListReconciliationCasesUseCase cases,
            ResolveReconciliationCaseUseCase resolve,
            JsonWebToken caller,
            Pagination pagination) {
        this.pagination = pagination;
        this.start = start;
        this.reports = reports;
        this.items = items;
        this.range = range;
        this.history = history;
        this.cases = cases;
        this.resolve = resolve;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startReconciliation",
            summary = "Reconcile a business date (or one provider of it, or a range of dates) now",
            description = "{date}: starts a run against the gateways' files of that date (docs/reconciliation.md); "
                    + "one run per date at a time, and only once that day is over. {date, provider}: re-runs that "
                    + "provider only (its results replace the provider's earlier ones of the date). {from, to}: "
                    + "re-runs every date of the range once, in order, in the background (at most "
                    + "reconciliation.max-range-days dates); each date's report is read as usual.")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = StartRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "The run has started; read it at the Location (a range: the dates and each date's report)",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = StartedResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "409",
            description = "That date is being reconciled: urn:concert-booking:problem:reconciliation-running; the "
                    + "Location names the running report. Or no provider is configured to reconcile: "
                    + "urn:concert-booking:problem:reconciliation-not-configured (nothing is started)",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response start(@NotNull(message = "a JSON body {\"date\": \"yyyy-MM-dd\"} is required") StartRequest body) {
        if (body.from() != null || body.to() != null) {
            if (body.date() != null || body.provider() != null) {
                throw new InvalidValueException("date", "give either date (and provider) or from and to, not both");
            }
            LocalDate from = date("from", body.from());
            LocalDate to = date("to", body.to());
            ReconcileRangeUseCase.Result range =
                    this.range.start(new ReconcileRangeUseCase.Command(from, to, caller.getSubject()));
            return Locations.at(
                            Response.accepted(new StartedResponse(
                                    null,
                                    null,
                                    "RUNNING",
                                    range.from(),
                                    range.to(),
                                    range.dates().stream()
                                            .map(d -> new RangeDate(d, BASE + d))
                                            .toList())),
                            BASE + range.from())
                    .build();
        }
        LocalDate date = date(body.date());
        if (body.provider() != null
                && (body.provider().isBlank() || body.provider().length() > 32)) {
            throw new InvalidValueException("provider", "provider is the name of a configured provider");
        }
        StartReconciliationUseCase.Result started = start.start(
                new StartReconciliationUseCase.Command(date, body.provider(), Trigger.MANUAL, caller.getSubject()));
        return Locations.at(
                        Response.accepted(new StartedResponse(started.runId(), date, "RUNNING", null, null, null)),
                        BASE + date)
                .build();
    }

    @GET
    @Path("/{date}")
    @Operation(
            operationId = "getReconciliation",
            summary = "Read a date's reconciliation",
            description = "The latest run of the date, step by step (one step per provider and file kind).")
    @APIResponse(
            responseCode = "200",
            description = "The run's report",
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public RunReport report(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date) {
        return reports.report(date(date));
    }

    @GET
    @Path("/{date}/items")
    @Operation(
            operationId = "listReconciliationItems",
            summary = "List a run's classified lines",
            description = "One page of the latest run's lines, filtered; pass next as after for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = ItemsResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response items(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date,
            @Parameter(description = "only lines of this category", schema = @Schema(implementation = Category.class))
                    @QueryParam("category")
                    String category,
            @Parameter(
                            description = "only lines of this provider",
                            schema = @Schema(type = SchemaType.STRING, example = "toss"))
                    @QueryParam("provider")
                    String provider,
            @Parameter(
                            description = "only lines of this file kind",
                            schema = @Schema(implementation = StatementKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description = "the next value of the previous page (the cursor in the Link header does the"
                                    + " same; a cursor wins)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0"))
                    @QueryParam("after")
                    String after,
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        ItemFilter filter = new ItemFilter(
                named(Category.class, "category", category), provider, named(StatementKind.class, "kind", kind));
        PageRequest request = pagination.request(ITEMS, limit, cursor);
        ListReconciliationItemsUseCase.Page page =
                items.page(date(date), filter, start(request, after), request.limit());
        return pagination.ok(new ItemsResponse(page.runId(), page.items(), page.next()), key(page.next()), ITEMS, uri);
    }

    /** Where a page starts: the cursor's key, else the legacy {@code after} id, else the first item. */
    private static long start(PageRequest request, String after) {
        return request.after() != null ? request.after().position() : number("after", after, 0);
    }

    /** The key of a list whose position alone is unique, from a use case's nullable next position. */
    private static Optional<PageKey> key(Long next) {
        return Optional.ofNullable(next).map(PageKey::of);
    }

    @GET
    @Path("/{date}/report.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "downloadReconciliationReport",
            summary = "Download a run's lines as CSV",
            description = "Every line of the latest run, RFC 4180, one header line; cells that a spreadsheet would "
                    + "read as a formula are prefixed with a quote.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response csv(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date) {
        LocalDate day = date(date);
        reports.report(day); // 404 before the first byte is written
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            writer.write(CsvReport.HEADER);
            items.export(day, item -> CsvReport.write(writer, item));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\"")
                .build();
    }

    @GET
    @Path("/records/{id}/history")
    @Operation(
            operationId = "getReconciliationRecordHistory",
            summary = "Read a record's reconciliation history",
            description = "The record's (a top-up's) reconciliation state and every change of it, oldest first, with "
                    + "the run, date, provider and stage that made it; pass next as after for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "The state and one page of its history",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = HistoryResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No record with that id: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response history(
            @Parameter(
                            description = "the record's id (a top-up id)",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "the next value of the previous page (the cursor in the Link header does the"
                                    + " same; a cursor wins)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0"))
                    @QueryParam("after")
                    String after,
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        PageRequest request = pagination.request(HISTORY, limit, cursor);
        GetRecordHistoryUseCase.Page page = history.history(
                ReservationResource.uuidOrNotFound("reconciled record", id), start(request, after), request.limit());
        return pagination.ok(
                new HistoryResponse(
                        page.record().type(), page.record().id(), page.record().state(), page.entries(), page.next()),
                key(page.next()),
                HISTORY,
                uri);
    }

    @GET
    @Path("/cases")
    @Operation(
            operationId = "listReconciliationCases",
            summary = "List reconciliation cases",
            description = "Mismatches to act on (docs/reconciliation.md \"Cases\"), oldest first, open or resolved, "
                    + "with the days each has been open. Keyset-paged: when there are more, the Link header "
                    + "(rel=\"next\") and next name the following page; the cursor is opaque.")
    @APIResponse(
            responseCode = "200",
            description = "One page of cases",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = CasesResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response listCases(
            @Parameter(
                            description = "open (default) or resolved",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"open", "resolved"},
                                            defaultValue = "open"))
                    @QueryParam("status")
                    String status,
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        CaseStatus wanted = status == null ? CaseStatus.OPEN : caseStatus(status);
        PageRequest request = pagination.request(CASES, limit, cursor);
        ListReconciliationCasesUseCase.Page page =
                cases.page(wanted, request.after() == null ? 0 : request.after().position(), request.limit());
        Optional<PageKey> next = key(page.next());
        return pagination.ok(
                new CasesResponse(
                        page.cases().stream()
                                .map(c -> CaseResponse.from(c, page.now()))
                                .toList(),
                        next.map(key -> Pagination.cursor(CASES, key)).orElse(null)),
                next,
                CASES,
                uri,
                // the status the page was read with, also when the caller named none
                Map.of("status", wanted.name().toLowerCase(Locale.ROOT)));
    }

    @POST
    @Path("/cases/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resolveReconciliationCase",
            summary = "Resolve a reconciliation case",
            description = "Closes an open case with what was done (ACCEPT, WRITE_OFF, REFUND, RECHECK) and why; the "
                    + "caller (the token's sub) and the time are recorded. ACCEPT, WRITE_OFF and REFUND settle the "
                    + "mismatch: a re-run that finds it again opens no new case; after RECHECK it does.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = ResolveRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The resolved case",
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No case with that id: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The case is already resolved: urn:concert-booking:problem:case-already-resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public CaseResponse resolveCase(
            @Parameter(description = "the case's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @NotNull(message = "a JSON body {\"action\": ..., \"note\": ...} is required") ResolveRequest body) {
        UUID caseId = ReservationResource.uuidOrNotFound("reconciliation case", id);
        Resolution action = body.action() == null ? null : named(Resolution.class, "action", body.action());
        if (action == null || !action.byPerson()) {
            throw new InvalidValueException("action", "action is one of " + Resolution.byPersons());
        }
        if (body.note() == null || body.note().isBlank() || body.note().length() > ReconciliationCase.MAX_NOTE) {
            throw new InvalidValueException(
                    "note", "note says why, 1 to " + ReconciliationCase.MAX_NOTE + " characters");
        }
        ReconciliationCase resolved = resolve.resolve(
                new ResolveReconciliationCaseUseCase.Command(caseId, action, body.note(), caller.getSubject()));
        return CaseResponse.from(resolved, resolved.resolvedAt());
    }

    private static CaseStatus caseStatus(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "open" -> CaseStatus.OPEN;
            case "resolved" -> CaseStatus.RESOLVED;
            default -> throw new InvalidValueException("status", "status is open or resolved, got '" + text + "'");
        };
    }

    private static LocalDate date(String text) {
        return date("date", text);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "a business date (yyyy-MM-dd) is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(
                    field, field + " is a calendar date written yyyy-MM-dd, got '" + text + "'");
        }
        // years beyond PostgreSQL's and java.time's arithmetic (a day's end is the next day) are no business days
        if (date.getYear() < 1970 || date.getYear() > 9999) {
            throw new InvalidValueException(field, field + " is between 1970-01-01 and 9999-12-31, got '" + text + "'");
        }
        return date;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                    field, field + " is one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
        }
    }

    private static long number(String field, String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " is a whole number, got '" + text + "'");
        }
    }

    @Schema(
            name = "StartReconciliationRequest",
            description = "The business date to reconcile (optionally one provider of it), or a range of dates")
    public record StartRequest(
            @Schema(format = "date", description = "a day that is over", example = "2031-05-01")
            String date,

            @Schema(description = "re-run only this configured provider of the date", example = "ksnet")
            String provider,

            @Schema(format = "date", description = "first date of a range re-run", example = "2031-05-01")
            String from,

            @Schema(
                    format = "date",
                    description = "last date of a range re-run (a day that is over)",
                    example = "2031-05-03")
            String to) {}

    @RegisterForReflection
    @Schema(name = "ReconciliationRangeDate", description = "One date of a range re-run and where its report is")
    public record RangeDate(
            @Schema(required = true) LocalDate date,

            @Schema(required = true, example = "/api/v1/admin/reconciliations/2031-05-01")
            String report) {}

    @RegisterForReflection
    @Schema(name = "ReconciliationRecordHistory", description = "A record's reconciliation state and its changes")
    public record HistoryResponse(
            @Schema(
                    required = true,
                    enumeration = {"TOPUP", "BOX_OFFICE_SALE"})
            String recordType,

            @Schema(required = true, format = "uuid") UUID recordId,

            @Schema(
                    required = true,
                    description = "UNRECONCILED, MATCHED, ACQUIRED, SETTLED or a mismatch category",
                    example = "ACQUIRED")
            String state,

            @Schema(required = true) List<RecordHistoryEntry> entries,

            @Schema(nullable = true, format = "int64", description = "pass it as after; null on the last page")
            Long next) {}

    /** A date's run ({@code runId}, {@code date}), or a range re-run ({@code from}, {@code to}, {@code dates}). */
    @RegisterForReflection
    @Schema(
            name = "StartedReconciliation",
            description = "A run that has started ({date}), or a range re-run that has started ({from, to})")
    public record StartedResponse(
            @Schema(nullable = true, format = "uuid", description = "the run; null for a range")
            UUID runId,

            @Schema(nullable = true, description = "the run's date; null for a range")
            LocalDate date,

            @Schema(required = true, enumeration = "RUNNING")
            String status,

            @Schema(nullable = true, description = "a range's first date")
            LocalDate from,

            @Schema(nullable = true, description = "a range's last date")
            LocalDate to,

            @Schema(nullable = true, description = "a range's dates in the order they run")
            List<RangeDate> dates) {}

    @Schema(name = "ResolveReconciliationCaseRequest", description = "What was done about a case, and why")
    public record ResolveRequest(
            @Schema(
                    required = true,
                    enumeration = {"ACCEPT", "WRITE_OFF", "REFUND", "RECHECK"})
            String action,

            @Schema(
                    required = true,
                    maxLength = 1000,
                    description = "why (1 to 1000 characters)",
                    example = "fee difference agreed with the PG on the phone")
            String note) {}

    @RegisterForReflection
    @Schema(name = "ReconciliationCase", description = "A mismatch to act on, open or resolved")
    public record CaseResponse(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, example = "ksnet") String provider,
            @Schema(required = true) StatementKind kind,
            @Schema(required = true) Category category,
            @Schema(required = true) String paymentKey,

            @Schema(
                    nullable = true,
                    enumeration = {"TOPUP", "BOX_OFFICE_SALE"},
                    description = "our record's type; null: we have none")
            String recordType,

            @Schema(nullable = true, format = "uuid", description = "our record; null when we have none")
            UUID recordId,

            @Schema(required = true, description = "the business date of the run that opened it")
            LocalDate businessDate,

            @Schema(required = true, format = "uuid") UUID openedRunId,
            @Schema(required = true) Instant openedAt,

            @Schema(required = true, description = "whole days open (until resolved, for a resolved case)")
            long daysOpen,

            @Schema(nullable = true) Long pgAmount,
            @Schema(nullable = true) Long ourAmount,
            @Schema(required = true) CaseStatus status,

            @Schema(nullable = true, description = "how it was closed; AUTO_CLOSED: a later run found it matching")
            Resolution resolution,

            @Schema(nullable = true) String note,

            @Schema(nullable = true, description = "the resolving admin's sub, or reconciliation")
            String resolvedBy,

            @Schema(nullable = true) Instant resolvedAt) {

        static CaseResponse from(ReconciliationCase c, Instant now) {
            return new CaseResponse(
                    c.id(),
                    c.provider(),
                    c.kind(),
                    c.category(),
                    c.paymentKey(),
                    c.recordType(),
                    c.recordId(),
                    c.businessDate(),
                    c.openedRunId(),
                    c.openedAt(),
                    c.daysOpen(now),
                    c.pgAmount(),
                    c.ourAmount(),
                    c.status(),
                    c.resolution(),
                    c.note(),
                    c.resolvedBy(),
                    c.resolvedAt());
        }
    }

    @RegisterForReflection
    @Schema(name = "ReconciliationCases", description = "One page of cases")
    public record CasesResponse(
            @Schema(required = true) List<CaseResponse> cases,

            @Schema(nullable = true, description = "the next page's cursor (also in the Link header); null on the last")
            String next) {}

    /** {@code next}: pass it as {@code after} for the following page; null on the last page. */
    @Schema(name = "ReconciliationItems", description = "One page of a run's classified lines")
    public record ItemsResponse(
            @Schema(required = true, format = "uuid") UUID runId,
            @Schema(required = true) List<ReportItem> items,

            @Schema(nullable = true, format = "int64", description = "pass it as after; null on the last page")
            Long next) {}

    /** The CSV report: one line per item, RFC 4180 quoting. */
    static final class CsvReport {
        static final String HEADER = "provider,kind,category,payment_key,line_no,pg_status,our_status,pg_amount,"
                + "our_amount,fee,expected_fee,net,expected_net,action,note\n";

        private CsvReport() {}

        static void write(BufferedWriter out, ReportItem i) {
            try {
                out.write(String.join(
                        ",",
                        cell(i.provider()),
                        i.kind().name(),
                        i.category().name(),
                        cell(i.paymentKey()),
                        cell(i.lineNo()),
                        cell(i.pgStatus()),
                        cell(i.ourStatus()),
                        cell(i.pgAmount()),
                        cell(i.ourAmount()),
                        cell(i.fee()),
                        cell(i.expectedFee()),
                        cell(i.net()),
                        cell(i.expectedNet()),
                        i.action().name(),
                        cell(i.note())));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String cell(Object value) {
            if (value == null) {
                return "";
            }
            String text = value.toString();
            boolean quote = text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0;
            // a leading =, +, - or @ would be a formula in a spreadsheet: quote-prefix it
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
                text = "'" + text;
            }
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }
    }
}
