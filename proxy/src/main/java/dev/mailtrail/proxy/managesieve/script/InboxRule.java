package dev.mailtrail.proxy.managesieve.script;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a Sieve script in Exchange's words: its name and New-InboxRule's parameters ({@code ForwardTo},
 * {@code MoveToFolder}, {@code From}, {@code SubjectContainsWords} …), in order, each with its values; a switch
 * such as {@code StopProcessingRules} has none. {@code source} is the rule's Sieve text.
 */
public record InboxRule(String name, List<Parameter> parameters, String source) {

    /** One New-InboxRule parameter; no values for a switch that is on. */
    public record Parameter(String name, List<String> values) {
        public Parameter {
            values = List.copyOf(values);
        }

        public boolean isSwitch() {
            return values.isEmpty();
        }
    }

    public InboxRule {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(source, "source");
    }

    /** The same rule, as far as mail is concerned: parameters and text compared, the name left out. */
    public boolean sameEffect(InboxRule other) {
        return effect().equals(other.effect());
    }

    /** What {@link #sameEffect} compares, as a value to look up: the parameters and the text, spacing aside. */
    Object effect() {
        return List.of(parameters, normalised(source));
    }

    private static String normalised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
