/**
 * Snapshots of the audit core's state beside the journal sequence they cover (decision 0030): the files, their
 * checksums and the JSON of each part of the state. Uses the core's state values, Jackson and the journal's event
 * codec; knows nothing of the pipeline's threads.
 */
package dev.mailtrail.app.pipeline.snapshot;
