package dev.mailtrail.proxy.managesieve.script;

import dev.mailtrail.proxy.managesieve.script.InboxRule.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sieve script's rules in Exchange's inbox-rule vocabulary. Each {@code if}, {@code elsif} and {@code else} is a
 * rule, and so is a run of commands outside any {@code if} (it applies to every message; a {@code # rule:[name]}
 * comment starts a new one). Tests become conditions
 * ({@code From}, {@code SentTo}, {@code SubjectContainsWords}, {@code BodyContainsWords}, {@code HeaderContainsWords},
 * size ranges; under {@code not}, their {@code ExceptIf} form), actions become {@code RedirectTo} (redirect),
 * {@code ForwardTo} (redirect :copy, which keeps the message), {@code MoveToFolder}/{@code CopyToFolder}
 * (fileinto), {@code DeleteMessage} (discard, reject), {@code MarkAsRead} (the \Seen flag), {@code MarkImportance},
 * {@code StopProcessingRules} (stop). Every rule also carries its Sieve text, so nothing a mapping leaves out is
 * lost. Addresses outside the mailbox's domains are listed again in {@code ExternalRecipients}.
 */
public final class InboxRules {

    private static final Pattern ROUNDCUBE_NAME = Pattern.compile("rule:\\s*\\[(.*)]");
    private static final int MAX_TEXT = 1000;

    private final String scriptName;
    private final Set<String> internalDomains;
    private final List<InboxRule> rules = new ArrayList<>();

    private InboxRules(String scriptName, Set<String> internalDomains) {
        this.scriptName = scriptName;
        this.internalDomains = internalDomains;
    }

    /** The rules of {@code script}; {@code internalDomains} lower-case, the mailbox's own domain among them. */
    public static List<InboxRule> of(String scriptName, String script, Set<String> internalDomains)
            throws SieveSyntaxException {
        InboxRules r = new InboxRules(scriptName, internalDomains);
        r.read(SieveParser.parse(script));
        return List.copyOf(r.rules);
    }

    private void read(List<SieveNode.Command> commands) {
        List<SieveNode.Command> unconditional = new ArrayList<>();
        List<SieveNode.Test> previous = List.of();
        boolean chainOfOne = false;
        for (SieveNode.Command c : commands) {
            switch (c.name()) {
                case "require" -> {}
                case "if", "elsif" -> {
                    flush(unconditional);
                    Map<String, List<String>> p = new LinkedHashMap<>();
                    conditions(c.tests(), false, p);
                    actions(c.block(), p);
                    add(c.comment(), p, c.source());
                    chainOfOne = c.name().equals("if");
                    previous = c.tests();
                }
                case "else" -> {
                    Map<String, List<String>> p = new LinkedHashMap<>();
                    if (chainOfOne) {
                        conditions(previous, true, p); // else of a lone if: the opposite of its test
                    }
                    actions(c.block(), p);
                    add(c.comment(), p, c.source());
                }
                default -> {
                    if (c.comment() != null
                            && ROUNDCUBE_NAME.matcher(c.comment()).find()) {
                        flush(unconditional); // a named rule starts here
                    }
                    unconditional.add(c);
                }
            }
        }
        flush(unconditional);
    }

    private void flush(List<SieveNode.Command> unconditional) {
        if (unconditional.isEmpty()) {
            return;
        }
        Map<String, List<String>> p = new LinkedHashMap<>();
        actions(unconditional, p);
        StringBuilder source = new StringBuilder();
        unconditional.forEach(c -> source.append(source.isEmpty() ? "" : " ").append(c.source()));
        add(unconditional.getFirst().comment(), p, source.toString());
        unconditional.clear();
    }

    private void add(String comment, Map<String, List<String>> parameters, String source) {
        String name = null;
        if (comment != null) {
            Matcher m = ROUNDCUBE_NAME.matcher(comment);
            if (m.find()) {
                name = m.group(1).strip();
            }
        }
        if (name == null || name.isEmpty()) {
            name = scriptName + " rule " + (rules.size() + 1);
        }
        List<String> external = new ArrayList<>();
        for (String key : List.of("ForwardTo", "RedirectTo")) {
            for (String address : parameters.getOrDefault(key, List.of())) {
                if (isExternal(address) && !external.contains(address)) {
                    external.add(address);
                }
            }
        }
        if (!external.isEmpty()) {
            parameters.put("ExternalRecipients", external);
        }
        List<Parameter> out = new ArrayList<>();
        parameters.forEach((k, v) -> out.add(new Parameter(k, v)));
        rules.add(new InboxRule(name, out, bounded(source)));
    }

    private boolean isExternal(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return !domain.isEmpty() && !internalDomains.contains(domain);
    }

    private void conditions(List<SieveNode.Test> tests, boolean negated, Map<String, List<String>> p) {
        for (SieveNode.Test t : tests) {
            switch (t.name()) {
                case "allof", "anyof" -> conditions(t.tests(), negated, p);
                case "not" -> conditions(t.tests(), !negated, p);
                case "header", "address", "envelope" -> headerTest(t, negated, p);
                case "body" -> put(p, negated, "BodyContainsWords", keys(t, 0));
                case "size" -> {
                    boolean over = t.arguments().contains(new SieveNode.Tag("over"));
                    t.arguments().stream()
                            .filter(a -> a instanceof SieveNode.Number)
                            .findFirst()
                            .ifPresent(n -> put(
                                    p,
                                    negated,
                                    over ? "WithinSizeRangeMinimum" : "WithinSizeRangeMaximum",
                                    List.of(String.valueOf(((SieveNode.Number) n).value()))));
                }
                default -> {} // exists, true, false, extensions: the rule's Sieve text keeps them
            }
        }
    }

    private void headerTest(SieveNode.Test t, boolean negated, Map<String, List<String>> p) {
        List<String> headers = strings(t, 0);
        List<String> keys = keys(t, 1);
        boolean exact = !t.arguments().contains(new SieveNode.Tag("contains"))
                && !t.arguments().contains(new SieveNode.Tag("matches"));
        for (String header : headers) {
            String h = header.toLowerCase(Locale.ROOT);
            switch (h) {
                case "subject" -> put(p, negated, "SubjectContainsWords", keys);
                case "from", "sender", "reply-to", "return-path" ->
                    put(p, negated, exact ? "From" : "FromAddressContainsWords", keys);
                case "to", "cc", "bcc", "delivered-to" ->
                    put(p, negated, exact ? "SentTo" : "RecipientAddressContainsWords", keys);
                default ->
                    put(
                            p,
                            negated,
                            "HeaderContainsWords",
                            keys.stream().map(k -> header + ": " + k).toList());
            }
        }
    }

    private void actions(List<SieveNode.Command> commands, Map<String, List<String>> p) {
        if (commands == null) {
            return;
        }
        for (SieveNode.Command c : commands) {
            boolean copy = c.arguments().contains(new SieveNode.Tag("copy"));
            switch (c.name()) {
                case "redirect" -> put(p, false, copy ? "ForwardTo" : "RedirectTo", lastStrings(c.arguments()));
                case "fileinto" -> {
                    put(p, false, copy ? "CopyToFolder" : "MoveToFolder", lastStrings(c.arguments()));
                    flags(flagsTag(c), p);
                }
                case "discard", "reject", "ereject" -> flag(p, "DeleteMessage");
                case "stop" -> flag(p, "StopProcessingRules");
                case "addflag", "setflag" -> flags(lastStrings(c.arguments()), p);
                case "vacation" -> {
                    List<String> reason = lastStrings(c.arguments());
                    put(p, false, "Vacation", reason.isEmpty() ? List.of("") : List.of(bounded(reason.getFirst())));
                }
                case "if", "elsif", "else" -> {
                    conditions(c.tests(), false, p); // a nested rule: its conditions join this rule's
                    actions(c.block(), p);
                }
                default -> {} // keep, notify, extensions: the Sieve text keeps them
            }
        }
    }

    private static List<String> flagsTag(SieveNode.Command c) {
        List<SieveNode.Argument> a = c.arguments();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).equals(new SieveNode.Tag("flags")) && a.get(i + 1) instanceof SieveNode.Strings s) {
                return s.values();
            }
        }
        return List.of();
    }

    private static void flags(List<String> flags, Map<String, List<String>> p) {
        for (String list : flags) {
            for (String flag : list.split(" ")) {
                switch (flag.toLowerCase(Locale.ROOT)) {
                    case "\\seen" -> flag(p, "MarkAsRead");
                    case "\\flagged" -> put(p, false, "MarkImportance", List.of("High"));
                    case "\\deleted" -> flag(p, "SoftDeleteMessage");
                    default -> {}
                }
            }
        }
    }

    private static void flag(Map<String, List<String>> p, String name) {
        p.putIfAbsent(name, List.of());
    }

    private static void put(Map<String, List<String>> p, boolean negated, String name, List<String> values) {
        String key = negated ? "ExceptIf" + name : name;
        List<String> merged = new ArrayList<>(p.getOrDefault(key, List.of()));
        for (String v : values) {
            if (!merged.contains(v)) {
                merged.add(v);
            }
        }
        p.put(key, List.copyOf(merged));
    }

    /** Tags followed by a value of their own (RFC 5228, 5173, 5230, 5232 …), whose value is no positional argument. */
    private static final Set<String> TAGS_WITH_VALUE = Set.of(
            "comparator",
            "flags",
            "days",
            "seconds",
            "subject",
            "from",
            "addresses",
            "handle",
            "content",
            "importance",
            "message",
            "options",
            "specialuse",
            "mailboxid");

    /** The string lists of a command or test that are not a tag's value, in order. */
    private static List<List<String>> positional(List<SieveNode.Argument> arguments) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            SieveNode.Argument a = arguments.get(i);
            if (a instanceof SieveNode.Tag tag && TAGS_WITH_VALUE.contains(tag.name())) {
                i++;
            } else if (a instanceof SieveNode.Strings s) {
                out.add(s.values());
            }
        }
        return out;
    }

    private static List<String> strings(SieveNode.Test t, int n) {
        List<List<String>> p = positional(t.arguments());
        return p.size() > n ? p.get(n) : List.of();
    }

    private static List<String> keys(SieveNode.Test t, int n) {
        return strings(t, n);
    }

    private static List<String> lastStrings(List<SieveNode.Argument> arguments) {
        List<List<String>> p = positional(arguments);
        return p.isEmpty() ? List.of() : p.getLast();
    }

    private static String bounded(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
