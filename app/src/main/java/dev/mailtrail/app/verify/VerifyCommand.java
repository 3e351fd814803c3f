package dev.mailtrail.app.verify;

import dev.mailtrail.app.data.DataDirectory;
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
            "Runs beside a process that is writing the stores.",
            "Exit status: 0 intact, 1 a change or a corrupt file was found, 2 usage."
        })
public final class VerifyCommand implements Callable<Integer> {
    static final List<String> STORES = List.of("mailbox-audit-log", "unified-audit-log");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default as for every command).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = data != null ? data : DataDirectory.fromEnvironment(System.getenv());
        if (!Files.isDirectory(directory)) {
            // a mistyped --data must not read as "nothing to verify"
            err.println("mt verify: " + directory + ": no such data directory");
            return 1;
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
        if (!any) {
            err.println("mt verify: nothing is stored in " + directory + " yet");
        }
        out.flush();
        return intact ? 0 : 1;
    }

    private static String describe(String store, VerifyReport report) {
        String verdict = report.intact() ? "intact" : "CHANGED";
        return store + ": " + verdict + " — " + report.records() + " records in " + report.chains() + " chains verified"
                + (report.purged() > 0 ? ", " + report.purged() + " chains begin at a retention purge mark" : "");
    }
}
