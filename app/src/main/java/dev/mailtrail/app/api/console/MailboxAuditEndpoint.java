package dev.mailtrail.app.api.console;

import dev.mailtrail.app.admin.MailboxAuditReasons;
import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.access.Principal;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.pipeline.AuditBackend;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * {@code GET /api/v1/mailbox-audit?Identity=X}: the mailbox's audit configuration as Get-Mailbox shows it and, for
 * each logon type and action, whether it is audited and why not, decided by the running core. For those who search
 * ("Audit Logs", "View-Only Audit Logs") and those who configure ("Audit Configuration"), within their management
 * scope; recorded like a search.
 */
final class MailboxAuditEndpoint implements Endpoint {
    private final AuditBackend pipeline;
    private final ApiAuditTrail trail;

    MailboxAuditEndpoint(AuditBackend pipeline, ApiAuditTrail trail) {
        this.pipeline = pipeline;
        this.trail = trail;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        Principal caller = request.principal();
        if (!caller.may(Right.SEARCH) && !caller.may(Right.CONFIGURE)) {
            throw new ApiException(
                    403,
                    "forbidden",
                    caller.name() + " may not read audit configuration: it needs the"
                            + " role group \"Audit Logs\", \"View-Only Audit Logs\" or \"Audit Configuration\"");
        }
        String identity = request.query("Identity");
        if (identity == null || identity.isBlank()) {
            throw new ApiException(
                    400, "invalid_parameter", "give the mailbox as Identity=UPN", Map.of("parameter", "Identity"));
        }
        identity = identity.strip();
        if (!caller.scope().includes(identity)) {
            throw new ApiException(
                    403, "forbidden", "The mailbox '" + identity + "' is outside your management scope.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Query", "Get-Mailbox -Identity '" + identity.replace("'", "''") + "'");
        parameters.put("Endpoint", "GET " + request.path());
        trail.record(caller.name(), ApiOperation.SEARCH, parameters, request.clientIp());
        String mailbox = identity;
        Map<String, Object> view;
        try {
            view = pipeline.inspect(core -> MailboxAuditReasons.of(core.configuration(), mailbox))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the audit configuration", e);
        } catch (ExecutionException e) {
            throw new IOException(
                    "reading the audit configuration: " + e.getCause().getMessage(), e.getCause());
        }
        response.json(200, view);
    }
}
