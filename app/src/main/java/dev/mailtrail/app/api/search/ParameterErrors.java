package dev.mailtrail.app.api.search;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the parameter an Exchange error is about. The cmdlets' errors are PowerShell's texts, which name the
 * parameter in quotes ("Cannot bind parameter 'StartDate'…") or in a list (missing mandatory parameters): they stay
 * the very texts the command line prints, and the API reads the name back out of them rather than keep a second
 * wording of each.
 */
final class ParameterErrors {
    private static final Pattern QUOTED = Pattern.compile("[Pp]arameter(?: name)? '([A-Za-z0-9]+)'");
    private static final Pattern MISSING = Pattern.compile("missing mandatory parameters: ([A-Za-z0-9]+)");

    private ParameterErrors() {}

    /** The error for a cmdlet's message: its first line (the caret lines point into a line nobody typed). */
    static ApiError of(String message, Collection<String> given) {
        String first = message.strip().lines().findFirst().orElse(message).strip();
        return new ApiError(parameter(first, given), first);
    }

    private static String parameter(String message, Collection<String> given) {
        Matcher quoted = QUOTED.matcher(message);
        if (quoted.find()) {
            return canonical(quoted.group(1), given);
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return missing.group(1);
        }
        if (message.startsWith("The StartDate must be before the EndDate")) {
            return "EndDate";
        }
        if (message.startsWith("Parameter set cannot be resolved")) {
            return "Mailboxes";
        }
        if (message.startsWith("A positional parameter cannot be found")) {
            return null;
        }
        for (String name : given) {
            if (message.contains("'" + name + "'") || message.contains("-" + name + " ")) {
                return canonical(name, given);
            }
        }
        return null;
    }

    /** The name as the request spelt it, when it did. */
    private static String canonical(String name, Collection<String> given) {
        return given.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }
}
