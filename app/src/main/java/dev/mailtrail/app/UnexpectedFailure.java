package dev.mailtrail.app;

import dev.mailtrail.app.files.FileFailure;
import java.util.Map;
import picocli.CommandLine;

/**
 * What a person sees when a command fails in a way it does not handle itself: one line naming the command and what
 * went wrong, exit status 1, never a Java stack trace (which picocli would print). {@code MAILTRAIL_DEBUG=1} adds
 * the stack trace for a bug report.
 */
final class UnexpectedFailure implements CommandLine.IExecutionExceptionHandler {
    private final Map<String, String> environment;

    UnexpectedFailure(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(
            Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + FileFailure.describe(failure)
                + (debugging() ? "" : " (MAILTRAIL_DEBUG=1 shows where)"));
        if (debugging()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private boolean debugging() {
        return "1".equals(environment.get("MAILTRAIL_DEBUG"));
    }
}
