package dev.mailtrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command that fails unexpectedly says so in one line, with no stack trace unless asked for. */
class UnexpectedFailureTest {
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the index is locked by another writer");
        }
    }

    @Test
    void oneLineNamesTheCommandAndWhatWentWrong() {
        StringWriter err = new StringWriter();

        int exit = run(Map.of(), err);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("broken: the index is locked by another writer (MAILTRAIL_DEBUG=1 shows where)\n");
    }

    @Test
    void theStackTraceIsShownOnlyWhenAskedFor() {
        StringWriter err = new StringWriter();

        run(Map.of("MAILTRAIL_DEBUG", "1"), err);

        assertThat(err.toString()).contains("IllegalStateException", "at dev.mailtrail.app.UnexpectedFailureTest");
    }

    private static int run(Map<String, String> environment, StringWriter err) {
        CommandLine commandLine = new CommandLine(new Broken());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new UnexpectedFailure(environment));
        return commandLine.execute();
    }
}
