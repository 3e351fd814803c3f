package dev.mailtrail.app.verify;

import dev.mailtrail.app.anchors.AnchorCheck;
import dev.mailtrail.app.anchors.DigestLogCheck;
import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.Anchoring;
import dev.mailtrail.store.anchor.SigningKey;
import dev.mailtrail.store.chain.TamperFinding;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mt verify}: walks every chain of both audit logs; names the first change in each. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Walks the hash chains of the mailbox audit log (one per mailbox) and the unified audit log, and the"
                    + " storage engine's checksums, from their last commit. Reports the first record deleted,"
                    + " edited or inserted in each chain, with its position, and any file changed on disk."
                    + " Retention purges are explained by their purge marks.",
            "Reads every frame of the event journal back (checksums, contiguous sequence numbers, no segment"
                    + " missing) and checks that it reaches each store's last commit. Replays the journal into an"
                    + " audit core of its own and holds the records it makes against each store: every journaled"
                    + " access has its record (or was throttled, de-duplicated or not audited, as the replay decides"
                    + " too), and no stored record lacks its event; retention purges and repaired journal damage are"
                    + " told apart from losses."
                    + " "
                    + "With --anchors DIR, also holds the stores against the signed digests in DIR (written by --anchors on"
                    + " mt ingest, mt serve and mt demo): checks every digest's signature and their chain, then names"
                    + " each chain deleted, cut or changed since a digest anchored it, with the first record affected.",
            "Runs beside a process that is writing the stores.",
            "A data directory that points to a cluster (cluster.properties, written by mt serve with [cluster]) has its"
                    + " cluster's logs verified: every chain, across every writer.",
            "Exit status: 0 intact, 1 a change or a corrupt file was found, 2 usage."
        })
public final class VerifyCommand implements Callable<Integer> {
    static final List<String> STORES = List.of("mailbox-audit-log", "unified-audit-log");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default as for every command).")
    Path data;

    @Option(names = "--anchors", paramLabel = "DIR", description = "The anchors directory holding the digests.")
    Path anchors;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "The verification key (PEM, from --export-key) to check digests with (default: the copy"
                    + " in the anchors directory).")
    Path key;

    @Option(
            names = "--digest-log",
            paramLabel = "FILE",
            description = "With --anchors: a copy of the digest log lines (\"mailtrail digest N sha256 H\", e.g."
                    + " journalctl -u mailtrail -o cat > FILE) to hold the anchors directory against; names digests"
                    + " removed or changed since they were logged, the last ones included.")
    Path digestLog;

    @Option(
            names = "--export-key",
            description = "Prints the verification key (PEM) of the signing key given by --anchor-key (or its"
                    + " default place), and does nothing else.")
    boolean exportKey;

    @Option(names = "--anchor-key", paramLabel = "FILE", description = "The signing key, for --export-key.")
    Path signingKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exportKey) {
            return exportKey(out, err);
        }
        if (digestLog != null && anchors == null) {
            err.println("mt verify: --digest-log needs --anchors DIR, the directory its digests are held against");
            err.flush();
            return 2;
        }
        Path directory = data != null ? data : DataDirectory.fromEnvironment(System.getenv());
        if (!Files.isDirectory(directory)) {
            // a mistyped --data must not read as "nothing to verify"
            err.println("mt verify: " + directory + ": no such data directory");
            err.flush();
            return 1;
        }
        java.util.Optional<dev.mailtrail.app.cluster.ClusterSettings> cluster;
        try {
            cluster = dev.mailtrail.app.cluster.ClusterPointer.read(directory);
        } catch (IOException e) {
            err.println("mt verify: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (cluster.isPresent()) {
            boolean intact = ClusterVerify.run(cluster.get(), STORES, out);
            out.flush();
            return intact ? 0 : 1;
        }
        boolean intact = true;
        boolean any = false;
        for (String store : STORES) {
            Path path = directory.resolve(store);
            if (!Files.exists(path)) {
                continue;
            }
            any = true;
            try {
                VerifyReport report = LuceneAuditLog.verify(path);
                intact &= report.intact();
                out.println(describe(store, report));
                for (TamperFinding finding : report.findings()) {
                    out.println("  " + finding);
                }
                for (String corrupt : report.corruption()) {
                    out.println("  corrupt: " + corrupt);
                }
            } catch (IOException e) {
                intact = false;
                out.println(store + ": cannot be read: " + e.getMessage());
            }
        }
        intact &= JournalCrossCheck.check(directory, STORES, out);
        intact &= SnapshotCheck.check(directory, STORES, out);
        intact &= RecordCrossCheck.check(directory, STORES, out);
        if (!any) {
            err.println("mt verify: nothing is stored in " + directory + " yet");
        }
        if (anchors != null) {
            try {
                intact &= AnchorCheck.run(directory, STORES, anchors, key, out);
                if (digestLog != null) {
                    intact &= DigestLogCheck.run(digestLog, anchors, out);
                }
            } catch (IOException e) {
                intact = false;
                out.println("anchors: cannot be checked: " + e.getMessage());
            }
        }
        out.flush();
        return intact ? 0 : 1;
    }

    private Integer exportKey(PrintWriter out, PrintWriter err) {
        Path file = signingKey != null ? signingKey : Anchoring.defaultSigningKey(System.getenv());
        try {
            out.print(SigningKey.load(file).verificationKey().pem());
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("mt verify: the signing key " + file + " cannot be read: " + e.getMessage());
            return 1;
        }
    }

    static String describe(String store, VerifyReport report) {
        String verdict = report.intact() ? "intact" : "CHANGED";
        return store + ": " + verdict + " — " + report.records() + " records in " + report.chains() + " chains verified"
                + (report.purged() > 0 ? ", " + report.purged() + " chains begin at a retention purge mark" : "");
    }
}
