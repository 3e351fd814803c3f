package dev.mailtrail.app.api.audit;

import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.Session;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Turns what a caller did through the API into an admin record, the way Purview records its own audit searches: the
 * caller as UserId, the operation, its parameters (the query as given, the mailboxes of its scope, the result) and
 * the client's address as ClientIP. It goes through the journal as a cmdlet line, so it is durable, replayed and
 * hash-chained like every record; {@link #record} returns once it is durable, so a search's results go out only after
 * the search is on record (no read without its record).
 *
 * <p>Parameter names are those of audit-core's {@code ApiAccessCmdlet}: UserName, Via, Result, Reason, Query,
 * Mailboxes, Format, Events, Rejected, IdempotencyKey, Endpoint.
 */
public final class ApiAuditTrail {
    /** ClientInfoString of every API record. */
    public static final String CLIENT_INFO = "Client=MailTrail API";

    private final AuditBackend pipeline;
    private final Clock clock;

    public ApiAuditTrail(AuditBackend pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Records {@code operation} by {@code actor} from {@code clientIp}; returns once the record's event is durable.
     *
     * @param parameters by name, in order; null or empty values are left out
     * @throws IOException when the journal cannot take it (the caller must then refuse the request)
     */
    public void record(String actor, ApiOperation operation, Map<String, String> parameters, String clientIp)
            throws IOException {
        StringBuilder line = new StringBuilder(operation.cmdlet());
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                line.append(" -")
                        .append(name)
                        .append(" '")
                        .append(value.replace("'", "''"))
                        .append('\'');
            }
        });
        CmdletInvocation event = new CmdletInvocation(
                clock.instant(), actor, line.toString(), new Session(null, clientIp, CLIENT_INFO, null));
        try {
            pipeline.submit(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording " + operation.cmdlet(), e);
        } catch (ExecutionException e) {
            throw new IOException(
                    "the journal refused the record of " + operation.cmdlet() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
