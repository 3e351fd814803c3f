package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A data directory's snapshots of the audit core ({@code snapshots/snapshot-SEQUENCE.json}, decision 0030). A file is
 * the sections' JSON on one line and a trailer line that says what it covers — the journal sequence, the records made
 * up to it — with the body's length and CRC32C. It is written to a temporary file, synced and renamed into place, so
 * that a crash leaves the previous snapshots whole; the newest {@code kept} are kept.
 */
public final class CoreSnapshots {
    public static final String DIRECTORY = "snapshots";
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".json";
    private static final int FORMAT = 1;
    /** Closing the generator must not close the file: it is synced after the trailer. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final ObjectMapper READER = new ObjectMapper();

    /**
     * What a snapshot covers: the core's state after journal entry {@code journalSequence}, when {@code records}
     * records had been made from the journal's start.
     */
    public record Header(long journalSequence, long records, Instant takenAt) {}

    /** A snapshot read back and checked, its sections not yet taken up. */
    public record Loaded(Path file, Header header, JsonNode sections) {}

    private final Path directory;
    private final int kept;

    public CoreSnapshots(Path dataDirectory, int kept) {
        this.directory = dataDirectory.resolve(DIRECTORY);
        this.kept = Math.max(1, kept);
    }

    public Path directory() {
        return directory;
    }

    /** Writes a snapshot of {@code sections} durably, then forgets all but the newest {@code kept}. */
    public Header write(long journalSequence, long records, Instant takenAt, List<SnapshotSection> sections)
            throws IOException {
        Files.createDirectories(directory);
        Path file = fileOf(journalSequence);
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        Header header = new Header(journalSequence, records, takenAt);
        try (FileOutputStream stream = new FileOutputStream(temporary.toFile())) {
            writeTo(stream, header, sections);
            stream.getFD().sync();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        deleteLeftovers();
        return header;
    }

    /**
     * A snapshot as bytes, in the form of a snapshot file: for a store that keeps snapshots elsewhere than in files
     * (a clustered core's partition snapshots in the search cluster, decision 0033).
     */
    public static byte[] toBytes(Header header, List<SnapshotSection> sections) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 12);
        writeTo(bytes, header, sections);
        return bytes.toByteArray();
    }

    /** Reads a snapshot back from {@link #toBytes} and checks its length and checksum. */
    public static Loaded fromBytes(byte[] bytes) throws SnapshotFormatException {
        return parse(bytes, null);
    }

    private static void writeTo(OutputStream stream, Header header, List<SnapshotSection> sections) throws IOException {
        CRC32C crc = new CRC32C();
        CountingStream counted = new CountingStream(new CheckedOutputStream(stream, crc));
        OutputStream buffered = new BufferedOutputStream(counted, 1 << 16);
        try (JsonGenerator out = JSON.createGenerator(buffered, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeObjectFieldStart("sections");
            for (SnapshotSection section : sections) {
                out.writeFieldName(section.name());
                section.write(out);
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        buffered.flush();
        long bodyBytes = counted.count;
        long checksum = crc.getValue();
        // the trailer goes past the counting stream: its bytes are not part of the body it describes
        stream.write(('\n' + trailer(header, bodyBytes, checksum) + '\n').getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    /** The snapshot files, newest (highest sequence) first; temporary files left by a crash are not among them. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{20}" + SUFFIX))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
    }

    /** The journal sequence a snapshot file's name says it covers. */
    public static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    /** Reads a snapshot back and checks its length, checksum and trailer against its name. */
    public static Loaded load(Path file) throws SnapshotFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SnapshotFormatException("cannot be read: " + e.getMessage(), e);
        }
        return parse(bytes, file);
    }

    private static Loaded parse(byte[] bytes, Path file) throws SnapshotFormatException {
        int end = bytes.length - 1;
        if (end < 1 || bytes[end] != '\n') {
            throw new SnapshotFormatException("ends without its trailer (cut short)");
        }
        int split = end - 1;
        while (split >= 0 && bytes[split] != '\n') {
            split--;
        }
        if (split < 0) {
            throw new SnapshotFormatException("has no trailer");
        }
        JsonNode trailer;
        try {
            trailer = READER.readTree(bytes, split + 1, end - split - 1);
        } catch (IOException e) {
            throw new SnapshotFormatException("its trailer is not JSON: " + e.getMessage(), e);
        }
        if (Json.number(trailer, "format") != FORMAT) {
            throw new SnapshotFormatException("is of format " + trailer.get("format") + ", not " + FORMAT);
        }
        long bodyBytes = Json.number(trailer, "bodyBytes");
        if (bodyBytes != split) {
            throw new SnapshotFormatException("holds " + split + " bytes of state, its trailer says " + bodyBytes);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, split);
        String expected = Json.text(trailer, "crc32c");
        if (!Long.toHexString(crc.getValue()).equals(expected)) {
            throw new SnapshotFormatException("checksum mismatch (CRC32C " + Long.toHexString(crc.getValue())
                    + ", trailer says " + expected + ")");
        }
        Header header = new Header(
                Json.number(trailer, "journalSequence"),
                Json.number(trailer, "records"),
                Json.instant(trailer, "takenAt"));
        if (file != null && header.journalSequence() != sequenceOf(file)) {
            throw new SnapshotFormatException(
                    "covers journal sequence " + header.journalSequence() + " but is named for " + sequenceOf(file));
        }
        try {
            return new Loaded(file, header, Json.field(READER.readTree(bytes, 0, split), "sections"));
        } catch (IOException e) {
            throw new SnapshotFormatException("its state is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Hands each section its part of {@code snapshot}. A section the snapshot lacks stays as new (a snapshot from
     * before that part existed); a part the snapshot holds that no section takes refuses the snapshot, since that
     * state would be lost.
     */
    public static void restore(Loaded snapshot, List<SnapshotSection> sections) throws SnapshotFormatException {
        Set<String> known = new HashSet<>();
        for (SnapshotSection section : sections) {
            known.add(section.name());
        }
        List<String> unknown = new ArrayList<>();
        snapshot.sections().fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new SnapshotFormatException("holds state this version does not know: " + unknown);
        }
        for (SnapshotSection section : sections) {
            JsonNode part = snapshot.sections().get(section.name());
            if (part != null) {
                try {
                    section.read(part);
                } catch (RuntimeException e) {
                    throw new SnapshotFormatException(
                            "its section \"" + section.name() + "\" cannot be taken up: " + e, e);
                }
            }
        }
    }

    private Path fileOf(long journalSequence) {
        return directory.resolve(PREFIX + "%020d".formatted(journalSequence) + SUFFIX);
    }

    private static String trailer(Header header, long bodyBytes, long crc) {
        return "{\"format\":" + FORMAT + ",\"journalSequence\":" + header.journalSequence() + ",\"records\":"
                + header.records() + ",\"takenAt\":\"" + header.takenAt() + "\",\"bodyBytes\":" + bodyBytes
                + ",\"crc32c\":\"" + Long.toHexString(crc) + "\"}";
    }

    /**
     * Keeps the newest {@code kept} snapshots and, of the older ones, the oldest in each journal segment, so that the
     * journal kept can be replayed from near its start; deletes those the journal no longer follows on from
     * ({@code journalFirst} is the first sequence it holds).
     *
     * @param segmentOf the first sequence of the journal segment that holds a sequence
     */
    public void prune(long journalFirst, java.util.function.LongUnaryOperator segmentOf) throws IOException {
        List<Path> files = files();
        Set<Long> segments = new HashSet<>();
        for (int i = files.size() - 1; i >= kept; i--) {
            long next = sequenceOf(files.get(i)) + 1;
            if (next < journalFirst || !segments.add(segmentOf.applyAsLong(next))) {
                Files.deleteIfExists(files.get(i));
            }
        }
    }

    private void deleteLeftovers() throws IOException {
        try (Stream<Path> leftovers = Files.list(directory)) {
            for (Path leftover :
                    leftovers.filter(p -> p.toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Counts the body's bytes as they pass to the file. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
