/**
 * The event journal: append-only segment files of checksummed frames, written by one thread that commits
 * concurrent appends as a group, and recovered after a crash by cutting the torn tail. JDK only.
 */
package dev.mailtrail.store.journal;
