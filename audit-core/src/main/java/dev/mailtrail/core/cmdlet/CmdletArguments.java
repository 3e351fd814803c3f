package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.cmdlet.CmdletValue.ListOf;
import dev.mailtrail.core.cmdlet.CmdletValue.Table;
import dev.mailtrail.core.cmdlet.CmdletValue.Text;
import dev.mailtrail.core.event.NameValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed line checked against one cmdlet's parameter names (matched case-insensitively, as PowerShell does),
 * with the conversions every cmdlet shares and the rendering of {@code Parameters} for the admin record.
 */
public final class CmdletArguments {
    private final CmdletLine line;
    private final CmdletSyntax syntax;
    private final List<CmdletLine.Parameter> parameters;

    /**
     * Binds {@code line} as PowerShell binds it against {@code syntax}: names matched case-insensitively (or by
     * an unambiguous beginning), a switch takes a value only as {@code -Name:value} (a value after a space is a
     * positional argument), and every other parameter needs a value: a bare {@code -AuditDisabled} (its
     * {@code $false} eaten by a shell) is refused as PowerShell refuses it, never read as true.
     */
    public CmdletArguments(CmdletLine line, CmdletSyntax syntax) throws CmdletException {
        this.line = line;
        this.syntax = syntax;
        List<CmdletLine.Parameter> named = new ArrayList<>();
        List<CmdletValue> positional = new ArrayList<>(line.positional());
        for (CmdletLine.Parameter parameter : line.parameters()) {
            String canonical = canonical(syntax.names(), parameter);
            CmdletParameter common = canonical == null
                    ? CmdletSyntax.COMMON.stream()
                            .filter(p -> p.name().equalsIgnoreCase(parameter.name()))
                            .findFirst()
                            .orElse(null)
                    : null;
            if (canonical == null && common == null) {
                throw new CmdletException(pointed(
                        "A parameter cannot be found that matches parameter name '" + parameter.name() + "'.",
                        parameter.column()));
            }
            String name = canonical != null ? canonical : parameter.name();
            if (named.stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
                throw new CmdletException(pointed(
                        "Cannot bind parameter because parameter '" + name + "' is specified more than once.",
                        parameter.column()));
            }
            CmdletParameter definition =
                    common != null ? common : syntax.parameter(name).orElseThrow();
            CmdletValue value = parameter.value();
            if (definition.kind() == CmdletParameter.Kind.SWITCH && value != null && !parameter.joined()) {
                positional.add(value);
                value = null;
            }
            CmdletLine.Parameter bound = new CmdletLine.Parameter(name, value, parameter.column(), parameter.joined());
            check(definition, bound);
            named.add(bound);
        }
        positional.sort(java.util.Comparator.comparingInt(CmdletValue::column));
        if (!positional.isEmpty()) {
            String to = syntax.positional();
            for (CmdletLine.Parameter also : named) {
                if (also.name().equals(to)) {
                    throw new CmdletException(pointed(
                            "Cannot bind parameter because parameter '" + to + "' is specified more than once.",
                            also.column()));
                }
            }
            if (to == null || positional.size() > 1) {
                CmdletValue extra = positional.get(to == null ? 0 : 1);
                throw new CmdletException(pointed(
                        "A positional parameter cannot be found that accepts argument '" + source(extra) + "'.",
                        extra.column()));
            }
            CmdletLine.Parameter bound = new CmdletLine.Parameter(to, positional.getFirst(), 0);
            check(syntax.parameter(to).orElseThrow(), bound);
            named.addFirst(bound);
        }
        this.parameters = List.copyOf(named);
    }

    /** What PowerShell checks while binding, before the cmdlet runs: a value where one is needed, a Boolean's. */
    private void check(CmdletParameter definition, CmdletLine.Parameter parameter) throws CmdletException {
        if (parameter.value() == null && definition.kind() != CmdletParameter.Kind.SWITCH) {
            throw new CmdletException(pointed(
                    "Missing an argument for parameter '" + parameter.name() + "'. Specify a parameter of type '"
                            + definition.typeName() + "' and try again.",
                    parameter.column()));
        }
        if (definition.kind() != CmdletParameter.Kind.VALUE && parameter.value() != null) {
            booleanOf(parameter, definition.typeName());
        }
    }

    /**
     * The known name {@code parameter} stands for: its own, or, as PowerShell allows, the one known name it begins
     * (-ShowDetail for -ShowDetails); null when none does. Two or more it could begin is PowerShell's error.
     */
    private String canonical(Set<String> known, CmdletLine.Parameter parameter) throws CmdletException {
        String typed = parameter.name();
        for (String name : known) {
            if (name.equalsIgnoreCase(typed)) {
                return name;
            }
        }
        List<String> begun = known.stream()
                .filter(name -> name.regionMatches(true, 0, typed, 0, typed.length()))
                .sorted()
                .toList();
        if (begun.size() > 1) {
            throw new CmdletException(pointed(
                    "Parameter cannot be processed because the parameter name '" + typed + "' is ambiguous. Possible"
                            + " matches include: -" + String.join(" -", begun) + ".",
                    parameter.column()));
        }
        return begun.isEmpty() ? null : begun.getFirst();
    }

    /** The parameters in typed order, common ones included. */
    public List<CmdletLine.Parameter> all() {
        return parameters;
    }

    boolean isCommon(CmdletLine.Parameter parameter) {
        return !syntax.names().contains(parameter.name());
    }

    /** The text of a single-valued parameter as typed, or "" when it is absent or not a single value. */
    public String textOf(String name) {
        CmdletLine.Parameter parameter = find(name);
        return parameter != null && parameter.value() instanceof Text text ? text.text() : "";
    }

    public CmdletLine.Parameter find(String name) {
        return parameters.stream()
                .filter(p -> p.name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }

    public String requireIdentity(String cmdlet) throws CmdletException {
        CmdletLine.Parameter identity = find("Identity");
        if (identity == null || identity.value() == null) {
            throw new CmdletException(
                    "Cannot process command because of one or more missing mandatory parameters: Identity.");
        }
        return scalar(identity);
    }

    /** A single word or string; lists and tables are refused. */
    public String scalar(CmdletLine.Parameter parameter) throws CmdletException {
        if (parameter.value() instanceof Text text) {
            return text.text();
        }
        throw new CmdletException("Cannot convert the value of parameter '" + parameter.name() + "' ("
                + source(parameter.value()) + ") to a single value.");
    }

    /**
     * PowerShell's Boolean binding: $true/$false, 1/0 (and the words True/False, which lines journaled before now
     * hold); a switch given alone is true. A Boolean given no value never gets here: binding refused it.
     */
    public boolean bool(CmdletLine.Parameter parameter) throws CmdletException {
        if (parameter.value() == null) {
            return true;
        }
        CmdletParameter definition = syntax.parameter(parameter.name()).orElse(null);
        return booleanOf(parameter, definition == null ? CmdletParameter.BOOLEAN_TYPE : definition.typeName());
    }

    private boolean booleanOf(CmdletLine.Parameter parameter, String typeName) throws CmdletException {
        String text = parameter.value() instanceof Text t ? t.text() : source(parameter.value());
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "$true", "true", "1" -> true;
            case "$false", "false", "0" -> false;
            default ->
                throw new CmdletException(pointed(
                        "Cannot process argument transformation on parameter '" + parameter.name()
                                + "'. Cannot convert value \"" + valueType(parameter.value()) + "\" to type \""
                                + typeName + "\". Boolean parameters accept only Boolean values and numbers, such as"
                                + " $True, $False, 1 or 0.",
                        parameter.value().column()));
        };
    }

    /** What PowerShell names instead of a value it will not convert: the value's own type. */
    private static String valueType(CmdletValue value) {
        return switch (value) {
            case Text text when text.text().matches("-?\\d+") -> text.text();
            case Text text -> "System.String";
            case ListOf list -> "System.Object[]";
            case Table table -> "System.Collections.Hashtable";
        };
    }

    /**
     * A list parameter's items: a word, a string or a list; {@code $null} is the empty list. A parameter given no
     * value, or a hash table, is refused: read as an empty list it would clear what the administrator meant to edit.
     */
    public static List<Text> list(CmdletLine.Parameter parameter) throws CmdletException {
        if (parameter.value() == null) {
            throw new CmdletException("Missing an argument for parameter '" + parameter.name()
                    + "'. Specify a parameter of type 'MultiValuedProperty' and try again.");
        }
        return listItems(parameter.name(), parameter.value());
    }

    /** The items of a list value, as {@link #list} reads them; also an Add or Remove entry of an edit. */
    static List<Text> listItems(String parameter, CmdletValue value) throws CmdletException {
        if (value instanceof Table) {
            throw new CmdletException("Cannot convert the hash table given for parameter '" + parameter
                    + "' to a list of values. Give a comma list, or @{Add=...; Remove=...} with lists in it.");
        }
        return items(value);
    }

    /** The items of a word, string or list; {@code $null} is the empty list; anything else has none. */
    private static List<Text> items(CmdletValue value) {
        if (value instanceof Text text) {
            return text.isVariable() && text.text().equalsIgnoreCase("$null") ? List.of() : List.of(text);
        }
        if (value instanceof ListOf list) {
            return list.items();
        }
        return List.of();
    }

    /** {@code Parameters} as Exchange's admin records show them: booleans as True/False, lists joined by ';'. */
    List<NameValue> recordParameters() {
        List<NameValue> rendered = new ArrayList<>();
        for (CmdletLine.Parameter parameter : parameters) {
            rendered.add(new NameValue(parameter.name(), render(parameter.value())));
        }
        return rendered;
    }

    static String render(CmdletValue value) {
        return switch (value) {
            case null -> "True";
            case Text text -> renderText(text);
            case ListOf list ->
                list.items().stream().map(CmdletArguments::renderText).collect(Collectors.joining(";"));
            case Table table ->
                table.entries().entrySet().stream()
                        .map(e -> e.getKey() + "=" + renderEntry(e.getValue()))
                        .collect(Collectors.joining("; ", "@{", "}"));
        };
    }

    private static String renderEntry(CmdletValue value) {
        return value instanceof Table
                ? render(value)
                : items(value).stream().map(t -> "\"" + t.text() + "\"").collect(Collectors.joining(","));
    }

    private static String renderText(Text text) {
        if (text.isVariable()) {
            switch (text.text().toLowerCase(Locale.ROOT)) {
                case "$true":
                    return "True";
                case "$false":
                    return "False";
                case "$null":
                    return "";
                default:
                    return text.text();
            }
        }
        return text.text();
    }

    String source(CmdletValue value) {
        return value == null ? "" : render(value);
    }

    String pointed(String problem, int column) {
        return new CmdletSyntaxException(problem, line.source(), column).getMessage();
    }
}
