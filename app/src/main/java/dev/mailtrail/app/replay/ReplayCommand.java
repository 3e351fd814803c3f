package dev.mailtrail.app.replay;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.config.ThrottlingMode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mt replay}: the audit core as a command. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs access events (JSON lines, access-events.md) through the audit core with the events' own time as"
                    + " the clock, flushes every open window at the end, and writes the records as AuditData JSON"
                    + " lines to standard output, ordered by CreationTime.",
            "Rejected cmdlets print their error to standard error and leave a failed admin record; the replay goes on.",
            "Exit status: 0 done, 1 an input line was malformed (the run stops there unless --keep-going), 2 usage."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--throttling",
            paramLabel = "exchange|off",
            converter = ThrottlingConverter.class,
            description = "MailItemsAccessed throttling: 'exchange' as Exchange does, 'off' lossless (default: off).")
    ThrottlingMode throttling = ThrottlingMode.OFF;

    @Option(
            names = "--baseline",
            paramLabel = "2019-01|2019-02|2023",
            converter = BaselineConverter.class,
            description = "The managed default audit set mailboxes start on (default: 2023).")
    Baseline baseline = Baseline.newest();

    @Option(
            names = "--keep-going",
            description = "Report malformed lines and go on; exit 0 unless the input could not be read.")
    boolean keepGoing;

    @Option(
            names = "--explain",
            description = "Print, for every access that is not audited, its file, line and why"
                    + " (e.g. 'not audited: Owner list lacks MailboxLogin').")
    boolean explain;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            description = "The longest event line taken, in bytes (default: ${DEFAULT-VALUE}); a longer one is"
                    + " reported with its line number, counted as rejected and skipped in bounded memory.")
    int maxLineBytes = EventLines.DEFAULT_MAX_BYTES;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files, in order; '-' is standard input.")
    List<String> files;

    @Override
    public Integer call() {
        Replay replay =
                new Replay(new ReplayOptions(throttling, baseline, keepGoing, explain, Math.max(1, maxLineBytes)));
        return replay.run(
                files.stream().map(EventSource::of).toList(),
                System.in,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    static final class ThrottlingConverter implements picocli.CommandLine.ITypeConverter<ThrottlingMode> {
        @Override
        public ThrottlingMode convert(String value) {
            return ThrottlingMode.parse(value)
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                            "expected exchange or off, got '" + value + "'"));
        }
    }

    static final class BaselineConverter implements picocli.CommandLine.ITypeConverter<Baseline> {
        @Override
        public Baseline convert(String value) {
            return Baseline.parse(value)
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                            "expected 2019-01, 2019-02 or 2023, got '" + value + "'"));
        }
    }
}
