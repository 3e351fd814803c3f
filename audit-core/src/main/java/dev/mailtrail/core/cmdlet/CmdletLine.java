package dev.mailtrail.core.cmdlet;

import java.util.List;

/** A parsed cmdlet line: its name, named parameters in order, and positional values. */
public record CmdletLine(String name, List<Parameter> parameters, List<CmdletValue> positional, String source) {

    /**
     * {@code -Name value}, {@code -Name:value} or a bare switch {@code -Force} (value null).
     *
     * @param column where the {@code -Name} token starts (1-based)
     * @param joined the value was given as {@code -Name:value}: only so does a switch take one
     */
    public record Parameter(String name, CmdletValue value, int column, boolean joined) {
        public Parameter(String name, CmdletValue value, int column) {
            this(name, value, column, false);
        }
    }
}
