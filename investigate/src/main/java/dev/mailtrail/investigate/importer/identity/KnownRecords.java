package dev.mailtrail.investigate.importer.identity;

/**
 * The identities of the records a case already holds, so a record delivered again (Microsoft re-delivers, pages
 * overlap, the same search is exported twice or in two formats) is stored once. The case store provides one
 * seeded from what it holds; {@link InMemoryKnownRecords} serves a single import.
 */
public interface KnownRecords {

    /** Adds the identity; true when it was new, false when the record is a duplicate. */
    boolean add(RecordIdentity identity);

    /** How many identities are known. */
    long size();
}
