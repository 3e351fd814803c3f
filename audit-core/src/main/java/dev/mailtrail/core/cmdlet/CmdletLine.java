package dev.mailtrail.core.cmdlet;

import java.util.List;

/** A parsed cmdlet line: its name, named parameters in order, and positional values. */
public record CmdletLine(String name, List<Parameter> parameters, List<CmdletValue> positional, String source) {

    /**
     * {@code -Name value}, {@code -Name:value} or a bare switch {@code -Force} (value null).
     *
     * @param column where the {@code -Name} token starts (1-based)
     */
    public record Parameter(String name, CmdletValue value, int column) {}
}
