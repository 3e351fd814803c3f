package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.Principal;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.console.ConsoleFiles;
import dev.mailtrail.app.console.ConsoleAssets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request, in order: security headers; the route (404, 405); the caller (401); the CSRF token when a session
 * cookie asks for a change (403); the right (403 naming the role groups that grant it); then the endpoint. Errors are
 * JSON; a bug is a 500 that says no more than that, and is logged.
 */
final class ApiHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private static final long DRAIN_LIMIT = 1 << 20;

    private final ApiRoutes routes;
    private final Authentication authentication;
    private final ConsoleFiles console = new ConsoleFiles(ConsoleAssets.fromClassPath());

    ApiHandler(ApiRoutes routes, Authentication authentication) {
        this.routes = routes;
        this.authentication = authentication;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        SecurityHeaders.add(response.getHeaders());
        ApiResponse answer = new ApiResponse(response);
        try {
            Principal principal = null;
            String path = Request.getPathInContext(request);
            if (console.serves(request.getMethod(), path)) {
                console.answer(path, request.getHeaders().get("If-None-Match"), answer);
                answer.finish();
                callback.succeeded();
                return true;
            }
            Route route = route(request.getMethod(), path, answer);
            Optional<Authentication.Caller> caller = caller(request, route);
            if (caller.isPresent()) {
                principal = caller.get().principal();
            } else if (route.guard().authenticated()) {
                answer.header("WWW-Authenticate", "Bearer realm=\"MailTrail\"");
                throw new ApiException(
                        401,
                        "unauthenticated",
                        "sign in (POST /api/v1/session) or send \"Authorization: Bearer TOKEN\"");
            }
            if (caller.isPresent() && caller.get().session() != null && changes(request.getMethod())) {
                requireCsrf(request.getHeaders().get(Authentication.CSRF_HEADER), caller.get());
            }
            if (route.guard().right() != null && !principal.may(route.guard().right())) {
                throw forbidden(principal, route.guard().right());
            }
            String csrf = caller.map(
                            c -> c.session() == null ? null : c.session().csrfToken())
                    .orElse(null);
            route.endpoint().handle(new ApiRequest(request, principal, csrf), answer);
            answer.finish();
            callback.succeeded();
        } catch (ApiException e) {
            drain(request);
            error(answer, e, callback);
        } catch (Exception | Error e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "API " + request.getMethod() + " " + request.getHttpURI().getPath() + " failed",
                    e);
            error(answer, new ApiException(500, "internal_error", "the server failed; its log says why"), callback);
        }
        return true;
    }

    private Route route(String method, String path, ApiResponse answer) throws ApiException {
        Optional<Route> route = routes.find(method, path);
        if (route.isPresent()) {
            return route.get();
        }
        String allowed = routes.allowed(path);
        if (allowed.isEmpty()) {
            throw new ApiException(404, "not_found", "no such API path: " + path);
        }
        answer.header("Allow", allowed);
        throw new ApiException(405, "method_not_allowed", path + " answers " + allowed + ", not " + method);
    }

    /** On a public route a stale cookie or a bad token is no reason to refuse: the caller is then anonymous. */
    private Optional<Authentication.Caller> caller(Request request, Route route) throws Exception {
        try {
            return authentication.identify(request.getHeaders().get("Authorization"), sessionCookie(request));
        } catch (ApiException e) {
            if (route.guard().authenticated()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static boolean changes(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private static void requireCsrf(String given, Authentication.Caller caller) throws ApiException {
        byte[] expected = caller.session().csrfToken().getBytes(StandardCharsets.US_ASCII);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(
                    403,
                    "csrf",
                    "a change made with the session cookie needs the session's CSRF token in "
                            + Authentication.CSRF_HEADER + " (given at sign-in)");
        }
    }

    private static ApiException forbidden(Principal principal, Right right) {
        String granting = Arrays.stream(Role.values())
                .filter(r -> r.rights().contains(right))
                .map(r -> "\"" + r.displayName() + "\"")
                .collect(Collectors.joining(" or "));
        String held = principal.roles().isEmpty()
                ? "none"
                : principal.roles().stream().map(Role::displayName).sorted().collect(Collectors.joining(", "));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("needs", right.name());
        details.put(
                "grantedBy",
                Arrays.stream(Role.values())
                        .filter(r -> r.rights().contains(right))
                        .map(Role::displayName)
                        .toList());
        return new ApiException(
                403,
                "forbidden",
                principal.name() + " may not do this: it needs the role group " + granting + "; " + principal.name()
                        + " has: " + held,
                details);
    }

    private static String sessionCookie(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(Authentication.COOKIE)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * Reads what is left of a refused request's body (1 MiB at most): a connection closed with unread bytes is
     * reset, and the reset makes the client lose the refusal it was about to read.
     */
    private static void drain(Request request) {
        try {
            java.io.InputStream in = org.eclipse.jetty.io.Content.Source.asInputStream(request);
            byte[] buffer = new byte[16 * 1024];
            long read = 0;
            for (int n; read < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the client went away or sent a broken body: the refusal is all it can get
        }
    }

    private static void error(ApiResponse answer, ApiException e, Callback callback) {
        if (answer.started()) {
            // the status went out with the first bytes: the only honest signal left is a cut connection
            callback.failed(e);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (e.details() != null) {
            body.put("details", e.details());
        }
        try {
            answer.json(e.status(), body);
            answer.finish();
            callback.succeeded();
        } catch (Exception failure) {
            callback.failed(failure);
        }
    }
}
