package dev.mailtrail.core.cmdlet;

import java.util.List;
import java.util.Map;

/** A parameter's value as typed: a word or quoted string, a comma list, or a hash table {@code @{Add=…}}. */
public sealed interface CmdletValue {
    /** Column (1-based) where the value starts in the line. */
    int column();

    /** A word, a quoted string, or a variable such as {@code $true}. */
    record Text(String text, boolean quoted, int column) implements CmdletValue {
        public boolean isVariable() {
            return !quoted && text.startsWith("$");
        }
    }

    /** {@code A,B,"C"} or {@code @(A, B)}. */
    record ListOf(List<Text> items, int column) implements CmdletValue {}

    /** {@code @{Add="A","B"; Remove="C"}}; keys keep their spelling, in order. */
    record Table(Map<String, CmdletValue> entries, Map<String, Integer> keyColumns, int column)
            implements CmdletValue {}
}
