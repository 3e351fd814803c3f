package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.generate.IdSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Record Ids that a replay makes again: the n-th record made from a data directory's journal always gets the same
 * GUID, derived from the installation's own id (made once, kept in the data directory) and n. Two installations
 * never share Ids; a replay never makes a second Id for a record.
 */
public final class RecordIds implements IdSource {
    static final String FILE = "installation-id";

    private final String installation;
    private long made;

    private RecordIds(String installation) {
        this.installation = installation;
    }

    /**
     * The Ids of a part of an audit trail that another keeps no directory for: {@code installation} names it, unique
     * and the same every time it is applied (a clustered journal's partition: the cluster's id, the topic, the
     * partition).
     */
    public static RecordIds named(String installation) {
        return new RecordIds(installation);
    }

    static RecordIds of(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            Path temporary = dataDirectory.resolve(FILE + ".new");
            Files.writeString(temporary, UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new RecordIds(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** The installation's record Ids, without making its id: empty where the directory has none yet. */
    static java.util.Optional<RecordIds> existing(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        return Files.exists(file)
                ? java.util.Optional.of(new RecordIds(
                        Files.readString(file, StandardCharsets.UTF_8).strip()))
                : java.util.Optional.empty();
    }

    /** Numbers records on from {@code made} at least (after a journal loss: see {@link PipelineEntry.Loss}). */
    void skipTo(long made) {
        this.made = Math.max(this.made, made);
    }

    /** Records numbered so far (what a snapshot keeps). */
    public long made() {
        return made;
    }

    @Override
    public String nextId() {
        made++;
        return idOf(made);
    }

    /** The Id of the {@code ordinal}-th record made from the journal. */
    public String idOf(long ordinal) {
        return UUID.nameUUIDFromBytes((installation + ":" + ordinal).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
