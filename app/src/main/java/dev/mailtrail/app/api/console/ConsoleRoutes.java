package dev.mailtrail.app.api.console;

import dev.mailtrail.app.api.ApiRoutes;
import dev.mailtrail.app.api.Guard;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.pipeline.AuditBackend;

/** The API operations only the console needs: a mailbox's audit configuration with the reason view. */
public final class ConsoleRoutes {
    public static final String MAILBOX_AUDIT = "/api/v1/mailbox-audit";

    private ConsoleRoutes() {}

    public static ApiRoutes addTo(ApiRoutes routes, AuditBackend pipeline, ApiAuditTrail trail) {
        return routes.add("GET", MAILBOX_AUDIT, Guard.SIGNED_IN, new MailboxAuditEndpoint(pipeline, trail));
    }
}
