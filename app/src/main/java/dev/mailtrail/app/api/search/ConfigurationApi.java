package dev.mailtrail.app.api.search;

import dev.mailtrail.app.cmdlet.CmdletCommands;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.core.event.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration cmdlets driven by query parameters: run on the pipeline as the command line runs them, so a
 * change is journaled and recorded as an admin record naming the actor, and the answer and errors are the command
 * line's. A management scope limits them to its mailboxes; the organisation's own settings need an unrestricted one.
 */
public final class ConfigurationApi {
    /** The cmdlets served, by Exchange's names; true for those that change the configuration. */
    public static final Map<String, Boolean> CMDLETS;

    static {
        Map<String, Boolean> cmdlets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        cmdlets.put("Get-Mailbox", false);
        cmdlets.put("Set-Mailbox", true);
        cmdlets.put("Get-OrganizationConfig", false);
        cmdlets.put("Set-OrganizationConfig", true);
        cmdlets.put("Get-MailboxAuditBypassAssociation", false);
        cmdlets.put("Set-MailboxAuditBypassAssociation", true);
        CMDLETS = java.util.Collections.unmodifiableMap(cmdlets);
    }

    /** Changes whose effect reaches every mailbox: an audit bypass exempts the account in all of them. */
    private static final Set<String> ORGANIZATION_WIDE =
            Set.of("Set-OrganizationConfig", "Set-MailboxAuditBypassAssociation");

    /** The client an admin record made through the API names. */
    public static final String CLIENT = "Client=MailTrail API";

    private final AuditBackend pipeline;
    private final Clock clock;

    public ConfigurationApi(AuditBackend pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Runs {@code cmdlet} with {@code parameters} as {@code actor} (the admin record's UserId) from {@code clientIp}
     * (its ClientIP; the client is named {@value #CLIENT}).
     *
     * @param cmdlet one of {@link #CMDLETS}, in any case
     */
    public CmdletResult run(
            String cmdlet, Map<String, List<String>> parameters, String actor, String clientIp, MailboxScope scope) {
        Session session = new Session(null, clientIp, CLIENT, null);
        String name = CMDLETS.keySet().stream()
                .filter(cmdlet::equalsIgnoreCase)
                .findFirst()
                .orElse(null);
        if (name == null) {
            return new CmdletResult(
                    "",
                    new ApiError(
                            null,
                            "The term '" + cmdlet + "' is not a configuration cmdlet" + " served here: use one of "
                                    + String.join(", ", CMDLETS.keySet()) + "."));
        }
        String identity = identity(parameters);
        if (!scope.unrestricted()) {
            if (ORGANIZATION_WIDE.contains(name)) {
                return new CmdletResult(
                        "",
                        new ApiError(
                                null,
                                name + " changes what every mailbox records; your"
                                        + " management scope is limited to some mailboxes."));
            }
            if (identity != null && !scope.allows(identity)) {
                return new CmdletResult("", new ApiError("Identity", scope.refusal(identity)));
            }
            if (identity == null && !name.equals("Get-OrganizationConfig")) {
                if (CMDLETS.get(name)) {
                    return new CmdletResult(
                            "",
                            new ApiError(
                                    "Identity",
                                    "Cannot process command because of one"
                                            + " or more missing mandatory parameters: Identity."));
                }
                return eachInScope(name, parameters, actor, session, scope);
            }
        }
        return once(name, parameters, actor, session);
    }

    /** A listing in a limited scope: the cmdlet once for each mailbox of the scope it knows, as Exchange lists. */
    private CmdletResult eachInScope(
            String name, Map<String, List<String>> parameters, String actor, Session session, MailboxScope scope) {
        List<String> shown = new ArrayList<>();
        for (String mailbox : new TreeSet<>(scope.mailboxes())) {
            Map<String, List<String>> one = new java.util.LinkedHashMap<>(parameters);
            one.put("Identity", List.of(mailbox));
            CmdletResult result = once(name, one, actor, session);
            if (result.succeeded() && !result.output().isEmpty()) {
                shown.add(result.output());
            }
        }
        return new CmdletResult(String.join(System.lineSeparator(), shown), null);
    }

    private CmdletResult once(String name, Map<String, List<String>> parameters, String actor, Session session) {
        String line;
        try {
            line = QueryLine.render(name, parameters);
        } catch (QueryLine.Refused refused) {
            return new CmdletResult("", refused.error());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outText = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errText = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CmdletCommands.runOn(pipeline, name, line, actor, session, clock, outText, errText);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            return new CmdletResult(
                    output, ParameterErrors.of(err.toString(StandardCharsets.UTF_8), parameters.keySet()));
        }
        return new CmdletResult(output, null);
    }

    private static String identity(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Identity"))
                .map(e -> e.getValue().isEmpty() ? "" : e.getValue().getFirst())
                .findFirst()
                .orElse(null);
    }
}
