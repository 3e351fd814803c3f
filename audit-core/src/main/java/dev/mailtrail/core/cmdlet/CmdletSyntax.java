package dev.mailtrail.core.cmdlet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A cmdlet's one parameter table: what the parser binds a line against and what its help shows.
 *
 * @param positional the parameter a value given without a name binds to, or null
 */
public record CmdletSyntax(String name, String synopsis, String positional, List<CmdletParameter> parameters) {
    /**
     * PowerShell's common parameters as Exchange's cmdlets take them: accepted everywhere, no effect on the audit
     * configuration. {@code -Confirm} and {@code -Force} are switches, so they stand alone.
     */
    public static final List<CmdletParameter> COMMON = List.of(
            CmdletParameter.switchParameter("Confirm", "Asks for confirmation; accepted and recorded, never asked."),
            CmdletParameter.switchParameter("Force", "Suppresses confirmation; accepted and recorded."),
            CmdletParameter.switchParameter("Verbose", "Accepted and recorded."),
            CmdletParameter.value(
                    "ErrorAction", "System.Management.Automation.ActionPreference", "Accepted and recorded."),
            CmdletParameter.value("DomainController", "Fqdn", "Accepted and recorded; MailTrail has one store."));

    public CmdletSyntax {
        parameters = List.copyOf(parameters);
    }

    /** The cmdlet's own parameter names, as Exchange spells them. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }

    /** The parameter by its exact name, common ones included. */
    public Optional<CmdletParameter> parameter(String name) {
        return java.util.stream.Stream.concat(parameters.stream(), COMMON.stream())
                .filter(p -> p.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
