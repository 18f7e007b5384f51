package adapters.rest;

/**
 * Names used by the OpenAPI annotations ({@code /q/openapi}, and {@code target/openapi/} after a
 * build). The document's top level (info, servers, tags, security schemes, shared parameters,
 * headers and error responses) is declared on this package (package-info.java); each operation's own
 * statuses are on its resource method. The document is the contract
 * that clients generate code from; {@code docs/api.md} is checked against it (contract.ApiDocumentTest)
 * and Spectral lints it (scripts/lint-openapi.sh). Nothing here changes what the service does.
 */
public final class ApiDocumentation {
    static final String BEARER = "bearer";
    static final String JOB_TRIGGER = "jobTriggerSecret";

    static final String CATALOGUE = "Catalogue";
    static final String QUEUE = "Waiting room";
    static final String RESERVATIONS = "Reservations";
    static final String PAYMENTS = "Payments";
    static final String WALLET = "Wallet";
    static final String TICKETS = "Tickets";
    static final String ADMIN = "Administration";
    static final String RECONCILIATION = "Reconciliation";

    static final String RETRY_AFTER = "Retry-After";
    static final String LOCATION = "Location";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String LINK = Pagination.LINK;
    static final String CACHE_CONTROL = "Cache-Control";
    static final String VARY = "Vary";

    static final String QUEUE_TOKEN_PARAMETER = "Queue-Token";
    static final String IDEMPOTENCY_KEY_PARAMETER = "Idempotency-Key";
    static final String LIMIT_PARAMETER = Pagination.LIMIT;
    static final String CURSOR_PARAMETER = PageCursor.PARAMETER;

    static final String QUEUE_TOKEN_REFUSED = "QueueTokenRefused";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String ADMIN_ONLY = "AdminOnly";
    static final String BODY_TOO_LARGE = "BodyTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String RATE_LIMITED = "RateLimited";
    static final String SERVER_ERROR = "ServerError";
    static final String UNAVAILABLE = "Unavailable";

    static final String JSON = "application/json";
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String PROBLEM = "Problem";
    static final String TICKET_PROBLEM = "TicketProblem";
    static final String BOOKING_PROBLEM = "BookingProblem";

    /** The shape of a ticket code (148 base32 characters after the key id); it opens no door. */
    static final String TICKET_CODE_EXAMPLE =
            "TK1.K1.BYHH6TB5VIOQYRPJCQWSK3L63ZNEYIQQG5ZSGA5E7XKLBD2JDOZWIO5RONDIR7Z7CCJ4IIEYHP3MXN3URMQ62BRVV4LAQ5WNLVBJNPFI6R4N7BCLOACQTHJ25P4OV7UEJXI5ZIOIH6HOCKL2SJXQ";

    static final String DESCRIPTION = """
            Tickets for concerts behind a waiting room: a fan enters a concert's queue, is admitted \
            (ACTIVE), holds a seat for a few minutes and pays it from a wallet topped up through a payment \
            gateway. The contract in prose, with the settings behind each limit, is docs/api.md in the \
            repository; this document is generated from the code and checked against it.

            Every error is application/problem+json (RFC 9457, schema Problem) whose type is \
            urn:concert-booking:problem:<slug> or about:blank. Writes that move money take an \
            Idempotency-Key header: a repeat with the same key and body returns the first answer again. \
            Calls marked with a Queue-Token header need the caller's ACTIVE token of that concert. \
            Any operation may also answer 406 when the Accept header excludes its media type, and any \
            path 405 for a method it does not have (problem+json, type about:blank); the ticket, which \
            comes in several media types, declares its 406 (not-acceptable).""";

    private ApiDocumentation() {}
}
