package dev.mailtrail.proxy.managesieve.session;

import dev.mailtrail.proxy.managesieve.script.InboxRule;
import java.util.List;

/**
 * One inbox-rule cmdlet line, built as an Exchange administrator would type it: single-quoted values ({@code ''}
 * for a quote), lists joined by commas, switches as {@code $true}. A line break in a value (a Sieve multi-line
 * string) becomes a space: a cmdlet line is one line. Values are kept to {@value #MAX_VALUE} characters and lists to
 * {@value #MAX_ITEMS} items, so that a line stays well within what the audit core reads (64 KiB).
 */
final class RuleCmdlet {

    static final int MAX_VALUE = 1000;
    static final int MAX_ITEMS = 20;

    private final StringBuilder line;

    private RuleCmdlet(String cmdlet) {
        this.line = new StringBuilder(cmdlet);
    }

    static RuleCmdlet of(String cmdlet, String mailbox) {
        return new RuleCmdlet(cmdlet).value("Mailbox", mailbox);
    }

    RuleCmdlet value(String name, String value) {
        line.append(" -").append(name).append(' ').append(quoted(value));
        return this;
    }

    RuleCmdlet values(String name, List<String> values) {
        if (values.isEmpty()) {
            return flag(name, true);
        }
        line.append(" -").append(name).append(' ');
        int kept = Math.min(values.size(), MAX_ITEMS);
        for (int i = 0; i < kept; i++) {
            line.append(i == 0 ? "" : ",").append(quoted(values.get(i)));
        }
        if (kept < values.size()) {
            line.append(",").append(quoted("… " + (values.size() - kept) + " more"));
        }
        return this;
    }

    RuleCmdlet flag(String name, boolean on) {
        line.append(" -").append(name).append(on ? " $true" : " $false");
        return this;
    }

    /** The rule's Exchange parameters and its Sieve text. */
    RuleCmdlet rule(InboxRule rule) {
        for (InboxRule.Parameter p : rule.parameters()) {
            values(p.name(), p.values());
        }
        return value("SieveRule", rule.source());
    }

    String text() {
        return line.toString();
    }

    private static String quoted(String value) {
        String oneLine = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (oneLine.length() > MAX_VALUE) {
            oneLine = oneLine.substring(0, MAX_VALUE) + "…";
        }
        StringBuilder out = new StringBuilder("'");
        for (char c : oneLine.toCharArray()) {
            out.append(c == '\'' ? "''" : String.valueOf(c));
        }
        return out.append('\'').toString();
    }
}
