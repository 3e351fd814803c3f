package dev.mailtrail.store.anchor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the signed digests of one data directory into an anchors directory, one new file per digest, never
 * rewriting or deleting one (the directory is meant for WORM or object-lock storage). Continues the chain of
 * digests it finds there: a last file torn by a crash keeps its number and is skipped, the next digest chains to
 * the complete one before it. Each digest is also logged as one line at INFO (logger {@code dev.mailtrail.anchors}),
 * its number and file hash: under a service manager that line reaches journald or syslog, a copy the data
 * directory's writer cannot take back, which {@code mt verify --digest-log} holds the directory against.
 */
public final class AnchorWriter {
    /** The verification key, written once beside the digests for convenience; a verifier should hold its own. */
    public static final String KEY_FILE = "verification-key.pem";

    private static final System.Logger LOG = System.getLogger("dev.mailtrail.anchors");

    private final Path directory;
    private final SigningKey key;
    private final Clock clock;
    private long lastSequence;
    private long previousSequence;
    private byte[] previousHash;

    private AnchorWriter(Path directory, SigningKey key, Clock clock) {
        this.directory = directory;
        this.key = key;
        this.clock = clock;
    }

    public static AnchorWriter open(Path directory, SigningKey key, Clock clock) throws IOException {
        if (key.verificationKey() == null) {
            throw new IllegalArgumentException("no verification key");
        }
        Files.createDirectories(directory);
        Path keyFile = directory.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            Files.writeString(keyFile, key.verificationKey().pem(), StandardOpenOption.CREATE_NEW);
        }
        AnchorWriter writer = new AnchorWriter(directory, key, clock);
        writer.findLast();
        return writer;
    }

    /** Signs and writes the next digest; returns its file once it is on disk (file and directory synced). */
    public synchronized Path write(boolean full, List<AnchoredChain> chains) throws IOException {
        long sequence = lastSequence + 1;
        Digest digest = new Digest(
                sequence,
                clock.instant(),
                previousSequence,
                previousHash,
                key.verificationKey().id(),
                full,
                chains);
        byte[] file = DigestFile.encode(digest, key.sign(DigestFile.signedPart(digest)));
        Path path = directory.resolve(DigestFile.name(sequence));
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(file);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        syncDirectory();
        lastSequence = sequence;
        previousSequence = sequence;
        previousHash = DigestFile.hash(file);
        LOG.log(
                System.Logger.Level.INFO,
                "mailtrail digest " + sequence + " sha256 "
                        + java.util.HexFormat.of().formatHex(previousHash) + " chains " + chains.size());
        return path;
    }

    public Path directory() {
        return directory;
    }

    private void findLast() throws IOException {
        previousHash = new byte[32];
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> digests = files.filter(
                            p -> DigestFile.sequenceOf(p.getFileName().toString()) > 0)
                    .sorted()
                    .toList();
            for (Path file : digests) {
                long sequence = DigestFile.sequenceOf(file.getFileName().toString());
                lastSequence = Math.max(lastSequence, sequence);
                if (DigestFile.parse(Files.readAllBytes(file)) instanceof DigestFile.Complete complete) {
                    previousSequence = complete.digest().sequence();
                    previousHash = complete.fileHash();
                }
            }
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is synced
        }
    }
}
