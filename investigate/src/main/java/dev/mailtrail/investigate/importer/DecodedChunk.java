package dev.mailtrail.investigate.importer;

import java.util.List;

/**
 * A chunk's units decoded, in the same order: each an {@link ImportedRecord} (not yet de-duplicated) or a
 * {@link Reject}. The chunk after a file's last has {@code end} set and nothing in it.
 */
record DecodedChunk(List<Decoded> results, long bytesRead, boolean end) {
    static final DecodedChunk END = new DecodedChunk(List.of(), 0, true);

    sealed interface Decoded permits Record, Rejected {}

    record Record(ImportedRecord record) implements Decoded {}

    record Rejected(Reject reject) implements Decoded {}
}
