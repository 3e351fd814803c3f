/**
 * The event journal: append-only segment files of checksummed frames, written by one thread that commits
 * concurrent appends as a group, and recovered after a crash by cutting the torn tail. Damage that is not a torn
 * tail stops the open with file and offset; {@link dev.mailtrail.store.journal.JournalRepair} sets it aside and
 * {@link dev.mailtrail.store.journal.JournalVerifier} reads a journal back without changing it. JDK only.
 */
package dev.mailtrail.store.journal;
