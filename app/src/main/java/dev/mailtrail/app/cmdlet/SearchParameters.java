package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.admin.AdminDate;
import dev.mailtrail.core.cmdlet.CmdletArguments;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletLine;
import dev.mailtrail.core.cmdlet.CmdletValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Binds a search cmdlet's parameters with PowerShell's conversions and error texts. */
final class SearchParameters {
    private final CmdletArguments arguments;

    SearchParameters(CmdletArguments arguments) {
        this.arguments = arguments;
    }

    boolean has(String name) {
        return arguments.find(name) != null;
    }

    Optional<Instant> date(String name) throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find(name);
        if (parameter == null) {
            return Optional.empty();
        }
        String text = arguments.scalar(parameter);
        return Optional.of(AdminDate.parse(text)
                .orElseThrow(() -> new CmdletException("Cannot bind parameter '" + parameter.name()
                        + "'. Cannot convert value \"" + text + "\" to type \"System.DateTime\". Error: \"String was"
                        + " not recognized as a valid DateTime.\" (MailTrail reads 2026-03-01, 2026-03-01 09:00,"
                        + " 3/1/2026, 3/1/2026 9:00 PM and ISO instants such as 2026-03-01T09:00:00Z; UTC unless a"
                        + " zone is given.)")));
    }

    Set<String> texts(String name) throws CmdletException {
        return values(name, text -> text);
    }

    <T> Set<T> values(String name, Function<String, T> convert) throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find(name);
        if (parameter == null) {
            return Set.of();
        }
        Set<T> values = new LinkedHashSet<>();
        for (CmdletValue.Text item : CmdletArguments.list(parameter)) {
            for (String part : item.text().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                T value = convert.apply(part.strip());
                if (value == null) {
                    throw new CmdletException(
                            "Cannot bind parameter '" + parameter.name() + "'. Cannot convert value \"" + part.strip()
                                    + "\": " + name + " takes " + describe(name) + ".");
                }
                values.add(value);
            }
        }
        return values;
    }

    List<String> freeText() throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find("FreeText");
        return parameter == null ? List.of() : new ArrayList<>(List.of(arguments.scalar(parameter)));
    }

    /** {@code -ResultSize N|Unlimited}; no maximum. */
    long resultSize(long byDefault) throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find("ResultSize");
        if (parameter == null) {
            return byDefault;
        }
        String text = arguments.scalar(parameter);
        if (text.equalsIgnoreCase("Unlimited")) {
            return Long.MAX_VALUE;
        }
        try {
            long size = Long.parseLong(text);
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CmdletException("Cannot bind parameter 'ResultSize'. Cannot convert value \"" + text
                + "\" to type \"Unlimited\": give a positive number or Unlimited.");
    }

    boolean switchOn(String name) throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find(name);
        return parameter != null && arguments.bool(parameter);
    }

    SearchFormat format() throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find("Format");
        if (parameter == null) {
            return SearchFormat.LIST;
        }
        String text = arguments.scalar(parameter);
        try {
            return SearchFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CmdletException("Cannot bind parameter 'Format'. Cannot convert value \"" + text
                    + "\": give List, Json, Jsonl, Csv or PurviewCsv.");
        }
    }

    private static String describe(String name) {
        return switch (name) {
            case "RecordType" -> "a record type such as ExchangeItem, ExchangeItemAggregated or ExchangeAdmin";
            case "LogonTypes" -> "Owner, Delegate or Admin";
            default -> "a value";
        };
    }
}
