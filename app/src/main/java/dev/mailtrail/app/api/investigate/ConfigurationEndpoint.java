package dev.mailtrail.app.api.investigate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.api.search.CmdletResult;
import dev.mailtrail.app.api.search.ConfigurationApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/cmdlets} with {@code {"cmdlet":"Set-Mailbox","parameters":{"Identity":"alice@contoso.com",
 * "AuditOwner.Add":["MailboxLogin"]}}}: the audit configuration cmdlets (Get-/Set-Mailbox, Get-/Set-OrganizationConfig,
 * the audit bypass) with Exchange's output and errors. Reading needs the right to search; a change the right to
 * configure, and is recorded twice: the change's own admin record and the API call's.
 */
public final class ConfigurationEndpoint implements Endpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final ConfigurationApi configuration;
    private final ApiAuditTrail trail;

    public ConfigurationEndpoint(ConfigurationApi configuration, ApiAuditTrail trail) {
        this.configuration = configuration;
        this.trail = trail;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        JsonNode body;
        try {
            body = JSON.readTree(request.body().readNBytes(MAX_BODY_BYTES));
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.path("cmdlet").isTextual()) {
            throw ApiException.badRequest("the body must be {\"cmdlet\": NAME, \"parameters\": {…}}");
        }
        String cmdlet = body.path("cmdlet").asText();
        Map<String, List<String>> parameters = parameters(body.path("parameters"));
        Boolean changes = ConfigurationApi.CMDLETS.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(cmdlet))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(false);
        Right needed = changes ? Right.CONFIGURE : Right.SEARCH;
        if (!request.principal().may(needed)) {
            throw new ApiException(
                    403,
                    "forbidden",
                    cmdlet + " needs the right " + needed + ", which "
                            + request.principal().name() + "'s roles do not give");
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Query", cmdlet + " " + parameters);
        recorded.put("Endpoint", "POST " + request.path());
        trail.record(
                request.principal().name(),
                changes ? ApiOperation.CONFIGURE : ApiOperation.SEARCH,
                recorded,
                request.clientIp());
        CmdletResult result = configuration.run(
                cmdlet, parameters, request.principal().name(), request.clientIp(), ApiScopes.of(request.principal()));
        if (!result.succeeded()) {
            throw ApiScopes.refusal(result.error());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cmdlet", cmdlet);
        answer.put("output", result.output());
        response.json(200, answer);
    }

    private static Map<String, List<String>> parameters(JsonNode node) throws ApiException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("parameters must be an object of names to values");
        }
        for (var field : node.properties()) {
            List<String> values = new ArrayList<>();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asText()));
            } else if (!value.isNull()) {
                values.add(value.asText());
            }
            parameters.put(field.getKey(), values);
        }
        return parameters;
    }
}
