/** {@code mt ingest}: event lines through the journal and the audit core into the stores. */
package dev.mailtrail.app.ingest;
