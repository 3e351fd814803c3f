package dev.mailtrail.core.cmdlet;

/**
 * One parameter of a cmdlet as Exchange defines it: its name, how it binds, the type PowerShell names in its
 * errors and help, whether it is mandatory, and what it does. The parser binds by this and Get-Help prints it, so
 * the two cannot drift apart.
 *
 * @param typeName the .NET type as PowerShell names it in "Specify a parameter of type '…'"
 */
public record CmdletParameter(String name, Kind kind, String typeName, boolean mandatory, String description) {
    /** How a parameter takes its value, which decides what a bare {@code -Name} means. */
    public enum Kind {
        /** {@code [switch]}: present is true; a value only as {@code -Name:$false}. */
        SWITCH,
        /** {@code [bool]}: needs a value; a bare {@code -Name} is refused, never read as true. */
        BOOLEAN,
        /** Anything else: needs a value. */
        VALUE
    }

    static final String BOOLEAN_TYPE = "System.Boolean";
    static final String SWITCH_TYPE = "System.Management.Automation.SwitchParameter";

    public static CmdletParameter switchParameter(String name, String description) {
        return new CmdletParameter(name, Kind.SWITCH, SWITCH_TYPE, false, description);
    }

    public static CmdletParameter bool(String name, String description) {
        return new CmdletParameter(name, Kind.BOOLEAN, BOOLEAN_TYPE, false, description);
    }

    public static CmdletParameter value(String name, String typeName, String description) {
        return new CmdletParameter(name, Kind.VALUE, typeName, false, description);
    }

    /** The same parameter, mandatory. */
    public CmdletParameter required() {
        return new CmdletParameter(name, kind, typeName, true, description);
    }

    /** The type as Get-Help's syntax shows it: {@code <Boolean>}, {@code <MultiValuedProperty>}; none for a switch. */
    public String shortTypeName() {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
