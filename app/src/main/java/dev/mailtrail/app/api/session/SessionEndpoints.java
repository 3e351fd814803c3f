package dev.mailtrail.app.api.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Authentication;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.LoginGuard;
import dev.mailtrail.app.api.access.LoginSessions;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.api.access.Principal;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/session} signs in (JSON {@code {"user":…,"password":…}}; the answer sets the session cookie
 * — HttpOnly, Secure, SameSite=Strict — and gives the CSRF token), {@code GET} says who is signed in,
 * {@code DELETE} signs out. Every sign-in, failed or not, and every sign-out is an admin record. Sign-in asks for
 * {@code Content-Type: application/json}, which a cross-site form cannot send without a CORS preflight the server
 * never grants.
 */
public final class SessionEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final Authentication authentication;
    private final LoginGuard guard;
    private final ApiAuditTrail trail;
    private final java.time.Clock clock;

    public SessionEndpoints(
            Authentication authentication, LoginGuard guard, ApiAuditTrail trail, java.time.Clock clock) {
        this.clock = clock;
        this.authentication = authentication;
        this.guard = guard;
        this.trail = trail;
    }

    public void signIn(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        String type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "sign in with a JSON body (application/json)");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body().readNBytes(MAX_BODY));
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage());
        }
        String user = body == null ? "" : body.path("user").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        if (user.isEmpty() || password.isEmpty()) {
            throw ApiException.badRequest("give \"user\" and \"password\"");
        }
        Instant locked = guard.lockedUntil(user);
        if (locked != null) {
            record(user, "Failed", "locked out until " + locked, request);
            response.header(
                    "Retry-After",
                    Long.toString(Math.max(
                            1, locked.getEpochSecond() - clock.instant().getEpochSecond())));
            throw new ApiException(
                    429, "locked_out", "too many failed sign-ins for " + user + "; locked until " + locked);
        }
        Optional<Account> account = authentication.access().current().account(user);
        if (account.isEmpty()
                || !PasswordHash.matches(password.toCharArray(), account.get().passwordHash())) {
            guard.failed(user);
            record(user, "Failed", "wrong user name or password", request);
            throw new ApiException(401, "invalid_credentials", "wrong user name or password");
        }
        guard.succeeded(user);
        LoginSessions.LoginSession session =
                authentication.sessions().start(account.get().name());
        record(account.get().name(), "Succeeded", null, request);
        response.setCookie(Authentication.COOKIE + "=" + session.id()
                + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" + LoginSessions.LIFETIME.toSeconds());
        response.json(200, describe(account.get().principal(), session.csrfToken()));
    }

    public void whoAmI(ApiRequest request, ApiResponse response) throws IOException {
        response.json(200, describe(request.principal(), request.csrfToken()));
    }

    public void signOut(ApiRequest request, ApiResponse response) throws IOException {
        String cookie = request.header("Cookie");
        if (cookie != null) {
            for (String part : cookie.split(";")) {
                String p = part.strip();
                if (p.startsWith(Authentication.COOKIE + "=")) {
                    authentication.sessions().end(p.substring(Authentication.COOKIE.length() + 1));
                }
            }
        }
        trail.record(
                request.principal().name(),
                ApiOperation.SIGN_OUT,
                Map.of("UserName", request.principal().name()),
                request.clientIp());
        response.setCookie(Authentication.COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
        response.json(200, Map.of("signedOut", request.principal().name()));
    }

    private void record(String user, String result, String reason, ApiRequest request) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", user);
        parameters.put("Via", "password");
        parameters.put("Result", result);
        parameters.put("Reason", reason);
        trail.record(user, ApiOperation.SIGN_IN, parameters, request.clientIp());
    }

    private static Map<String, Object> describe(Principal principal, String csrfToken) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user", principal.name());
        who.put("kind", principal.kind().name().toLowerCase(java.util.Locale.ROOT));
        who.put(
                "roles",
                principal.roles().stream().map(Role::displayName).sorted().toList());
        who.put(
                "scope",
                principal.scope().whole()
                        ? null
                        : principal.scope().mailboxes().stream().sorted().toList());
        if (csrfToken != null) {
            who.put("csrfToken", csrfToken);
        }
        return who;
    }
}
