package dev.mailtrail.app.api.investigate;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.access.Principal;
import dev.mailtrail.app.api.search.ApiError;
import dev.mailtrail.app.api.search.MailboxScope;

/** The caller's management scope as the search logic takes it, and its errors as the API answers them. */
final class ApiScopes {
    private ApiScopes() {}

    static MailboxScope of(Principal principal) {
        return principal.scope().whole()
                ? MailboxScope.all()
                : MailboxScope.of(principal.scope().mailboxes());
    }

    static ApiException refusal(ApiError error) {
        return new ApiException(
                400,
                "invalid_parameter",
                error.message(),
                error.parameter() == null ? null : java.util.Map.of("parameter", error.parameter()));
    }
}
