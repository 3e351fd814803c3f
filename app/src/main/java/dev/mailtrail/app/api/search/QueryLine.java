package dev.mailtrail.app.api.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query parameters as the cmdlet line an administrator would type: {@code Name=value} is {@code -Name 'value'}, a
 * name given twice is a list, a name with no value a switch, {@code $true}, {@code $false} and {@code $null} stay
 * PowerShell's, a lone {@code true} or {@code false} is {@code -Name:$true} (so {@code ShowDetails=true} sets the
 * switch, as a query string means, instead of becoming a second positional value), and {@code Name.Add} / {@code Name.Remove} make {@code -Name @{Add=…; Remove=…}}. Every other value
 * is single-quoted (quotes doubled), so no value can add a parameter: the line is parsed by the cmdlet parser as
 * typed, bound as typed, and recorded as the query.
 */
final class QueryLine {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.(Add|Remove))?");
    private static final Pattern BOOLEAN = Pattern.compile("\\$?(true|false)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VARIABLE = Pattern.compile("\\$(true|false|null)", Pattern.CASE_INSENSITIVE);

    /** A parameter that cannot be written as a cmdlet parameter. */
    static final class Refused extends Exception {
        private final ApiError error;

        Refused(ApiError error) {
            super(error.message());
            this.error = error;
        }

        ApiError error() {
            return error;
        }
    }

    private QueryLine() {}

    static String render(String cmdlet, Map<String, List<String>> parameters) throws Refused {
        Map<String, Map<String, List<String>>> edits = new LinkedHashMap<>();
        Map<String, List<String>> plain = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new Refused(new ApiError(
                        name,
                        "A parameter cannot be found that matches parameter name '" + name
                                + "': names are letters and digits, with .Add or .Remove for an edit."));
            }
            List<String> values = parameter.getValue() == null ? List.of() : parameter.getValue();
            for (String value : values) {
                if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                    throw new Refused(new ApiError(
                            name, "Cannot bind parameter '" + name + "': a value cannot hold a line break."));
                }
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                edits.computeIfAbsent(name.substring(0, dot), k -> new LinkedHashMap<>())
                        .put(name.substring(dot + 1), values);
            } else {
                plain.put(name, values);
            }
        }
        StringBuilder line = new StringBuilder(cmdlet);
        plain.forEach((name, values) -> {
            line.append(" -").append(name);
            List<String> given =
                    values.stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (given.size() == 1 && BOOLEAN.matcher(given.getFirst()).matches()) {
                line.append(":$").append(given.getFirst().replace("$", "").toLowerCase(Locale.ROOT));
            } else if (!given.isEmpty()) {
                line.append(' ').append(list(given));
            }
        });
        edits.forEach((name, table) -> {
            line.append(" -").append(name).append(" @{");
            line.append(table.entrySet().stream()
                    .map(e -> e.getKey() + "=" + list(e.getValue().isEmpty() ? List.of("") : e.getValue()))
                    .collect(Collectors.joining("; ")));
            line.append('}');
        });
        return line.toString();
    }

    private static String list(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            items.add(VARIABLE.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : quoted(value));
        }
        return String.join(",", items);
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
