package dev.mailtrail.app.api.investigate;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.api.search.ApiError;
import dev.mailtrail.app.api.search.ScopeApi;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/scope?mailbox=…[&attacker-ip=…][&attacker-user=…][&attacker-session=…][&from=…&to=…]}: the scope
 * of a compromise, the same JSON as {@code mt scope --format json}, within the caller's management scope.
 */
public final class ScopeEndpoint implements Endpoint {
    private final ScopeApi scope;
    private final ApiAuditTrail trail;

    public ScopeEndpoint(ScopeApi scope, ApiAuditTrail trail) {
        this.scope = scope;
        this.trail = trail;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Query", request.queryString());
        recorded.put("Endpoint", "GET " + request.path());
        trail.record(request.principal().name(), ApiOperation.SCOPE, recorded, request.clientIp());
        StringWriter json = new StringWriter();
        Optional<ApiError> refused = scope.scope(request.queryParameters(), ApiScopes.of(request.principal()), json);
        if (refused.isPresent()) {
            throw ApiScopes.refusal(refused.get());
        }
        response.stream(200, "application/json").write(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
