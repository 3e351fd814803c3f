package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.AuditPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A process joining a cluster with its data directory: the directory keeps the process's own files (the cmdlet
 * socket, accounts, tokens) and a {@link ClusterPointer} to where the records are. One directory is either embedded
 * (a journal of its own) or a cluster member, never both: records split between the two would be found in neither.
 */
public final class ClusterMember {
    private ClusterMember() {}

    /** Starts the clustered pipeline on {@code directory} and points the directory at the cluster. */
    public static ClusterPipeline start(ClusterSettings settings, Path directory, Clock clock) throws IOException {
        if (Files.isDirectory(directory.resolve(AuditPipeline.JOURNAL))) {
            throw new IOException(directory + " holds an embedded journal (journal/): a process on the cluster needs a"
                    + " data directory of its own, or the records would be split between the two");
        }
        dev.mailtrail.app.files.PrivateFiles.directory(directory);
        ClusterPipeline pipeline;
        try {
            pipeline = ClusterPipeline.start(settings, directory, clock);
        } catch (UnsupportedOperationException e) {
            throw new IOException("the clustered pipeline cannot start: " + e.getMessage(), e);
        }
        try {
            ClusterPointer.write(directory, settings);
        } catch (IOException | RuntimeException e) {
            try {
                pipeline.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return pipeline;
    }

    /** Refuses to open {@code directory} as an embedded one when it points to a cluster. */
    public static void refusePointer(Path directory) throws IOException {
        if (Files.exists(directory.resolve(ClusterPointer.FILE))) {
            throw new IOException(directory + " belongs to a cluster (" + ClusterPointer.FILE + "): its records are"
                    + " in the cluster, not here; run with the [cluster] section, or use another data directory");
        }
    }
}
