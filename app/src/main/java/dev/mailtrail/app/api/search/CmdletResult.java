package dev.mailtrail.app.api.search;

/**
 * What a configuration cmdlet answered: its output as the command line prints it, or Exchange's error.
 *
 * @param output the cmdlet's output (PowerShell's list view of Get-*; empty for a Set-* that succeeded)
 * @param error null when the cmdlet succeeded
 */
public record CmdletResult(String output, ApiError error) {
    public boolean succeeded() {
        return error == null;
    }
}
