package dev.mailtrail.core.cmdlet;

/** A cmdlet line that cannot be read; says what is wrong and at which character, PowerShell-style. */
public final class CmdletSyntaxException extends Exception {
    private final String problem;
    private final String line;
    private final int column;

    public CmdletSyntaxException(String problem, String line, int column) {
        super(render(problem, line, column));
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public String problem() {
        return problem;
    }

    public String line() {
        return line;
    }

    /** 1-based character position of the offending token. */
    public int column() {
        return column;
    }

    private static String render(String problem, String line, int column) {
        int caret = Math.max(1, Math.min(column, line.length() + 1));
        return problem + "\nAt line:1 char:" + caret + "\n+ " + line + "\n+ " + " ".repeat(caret - 1) + "~";
    }
}
