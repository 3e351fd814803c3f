package dev.mailtrail.app.ingest;

import dev.mailtrail.app.anchors.AnchorOptions;
import dev.mailtrail.app.cmdlet.CmdletChannel;
import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.DataDirectoryInUseException;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.replay.EventLines;
import dev.mailtrail.app.replay.EventSource;
import dev.mailtrail.sensor.dovecot.DovecotSensor;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import dev.mailtrail.sensor.dovecot.name.LookupItemNamer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mt ingest FILE…}: access events into the stores, durably. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Takes access events (JSON lines, access-events.md) through the event journal and the audit core into the"
                    + " mailbox and unified audit logs of the data directory. Each event is durable once journaled;"
                    + " at the end every open window is flushed and the stores committed.",
            "With --format dovecot the lines are events Dovecot's event exporter posted (docs/dovecot-native-sensor.md),"
                    + " mapped as the native sensor maps them; --lookup names their UIDs with Message-ID and subject.",
            "A malformed line (bad JSON, not UTF-8, too long) is reported as FILE:LINE: reason and skipped; the rest"
                    + " is ingested. A missing input is refused before anything is created.",
            "Exit status: 0 done, 1 some lines were rejected or an input could not be read, 2 usage."
        })
public final class IngestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The data directory (default: $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else"
                    + " ~/.local/share/mailtrail).")
    Path data;

    @Mixin
    AnchorOptions anchorOptions = new AnchorOptions();

    @Option(
            names = "--repair",
            description = "Open a data directory whose journal is damaged or shorter than its stores: move the damaged"
                    + " part aside, record the loss in the audit log (operation Add-MailTrailJournalDamage) and go on.")
    boolean repair;

    @Option(names = "--no-progress", description = "No progress line, even on a terminal.")
    boolean noProgress;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            description = "The longest event line taken, in bytes (default: ${DEFAULT-VALUE}); a longer one is"
                    + " reported with its line number, counted as rejected and skipped in bounded memory.")
    int maxLineBytes = EventLines.DEFAULT_MAX_BYTES;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "access (default): access events, one JSON object a line; dovecot: Dovecot's exported events"
                    + " (event_exporter, json), one a line.")
    String format = "access";

    @Mixin
    DovecotLookupOptions lookup = new DovecotLookupOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files, in order; '-' is standard input.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path directory = data != null ? data : DataDirectory.fromEnvironment(System.getenv());
        boolean progress = !noProgress && System.console() != null;
        List<EventSource> sources = files.stream().map(EventSource::of).toList();
        // a missing or unreadable input is refused before the data directory is created or opened
        List<String> unreadable = sources.stream()
                .map(EventSource::unreadable)
                .flatMap(java.util.Optional::stream)
                .toList();
        if (!unreadable.isEmpty()) {
            unreadable.forEach(reason -> err.println("mt ingest: " + reason));
            return 1;
        }
        if (!format.equals("access") && !format.equals("dovecot")) {
            err.println("mt ingest: --format must be access or dovecot, not " + format);
            return 2;
        }
        LookupItemNamer namer = null;
        if (lookup.given()) {
            if (!format.equals("dovecot")) {
                err.println("mt ingest: --lookup needs --format dovecot");
                return 2;
            }
            try {
                namer = lookup.open();
            } catch (IOException e) {
                err.println("mt ingest: " + e.getMessage());
                return 2;
            }
        }
        DovecotSensor sensor = format.equals("dovecot")
                ? new DovecotSensor(MappingRules.DEFAULTS, namer == null ? ItemNamer.UIDS_ONLY : namer)
                : null;
        try (LookupItemNamer closing = namer) {
            return ingest(err, directory, progress, sources, sensor);
        }
    }

    private int ingest(
            PrintWriter err, Path directory, boolean progress, List<EventSource> sources, DovecotSensor sensor) {
        IngestFormat lines = sensor == null ? IngestFormat.ACCESS_EVENTS : IngestFormat.dovecot(sensor);
        try {
            dev.mailtrail.app.cluster.ClusterMember.refusePointer(directory);
        } catch (IOException e) {
            err.println("mt ingest: " + e.getMessage());
            return 1;
        }
        try (AuditPipeline pipeline = repair
                ? AuditPipeline.openRepairing(directory, Clock.systemUTC(), options(), "mt ingest", System.err)
                : AuditPipeline.open(directory, Clock.systemUTC(), options(), "ingest", System.err)) {
            Ingest ingest = new Ingest(pipeline, err, progress, Math.max(1, maxLineBytes), lines);
            IngestSummary summary;
            try (CmdletChannel cmdlets = CmdletChannel.open(pipeline, Clock.systemUTC())) {
                summary = ingest.run(sources, System.in, pipeline.recordsMade());
            }
            pipeline.close();
            summary = summary.withRecords(pipeline.recordsMade());
            if (sensor != null) {
                err.println("mt ingest: Dovecot events " + sensor.counts());
            }
            err.println(summary.describe(directory));
            err.flush();
            return summary.clean() ? 0 : 1;
        } catch (DataDirectoryInUseException e) {
            err.println("mt ingest: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("mt ingest: " + dev.mailtrail.app.files.FileFailure.describe(e));
            return 1;
        }
    }

    private PipelineOptions options() {
        return PipelineOptions.defaults().withAnchoring(anchorOptions.anchoring(System.getenv()));
    }
}
