package dev.mailtrail.core.generate;

import dev.mailtrail.core.record.AuditRecord;

/**
 * Where records go (a store, stdout, a list in a test). Called on the audit core's thread, in emission order.
 * An implementation that cannot keep a record throws: a record is never dropped silently.
 */
@FunctionalInterface
public interface RecordSink {
    void accept(AuditRecord record);
}
