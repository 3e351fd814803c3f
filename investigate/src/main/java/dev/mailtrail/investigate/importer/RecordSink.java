package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.mailboxes.IdentityLink;
import java.io.IOException;

/**
 * Where an import delivers: each new record once (duplicates are already gone) and each reject. Called from the
 * one thread that runs the import, in file order and, within a file, in the file's order.
 */
public interface RecordSink {

    void accept(ImportedRecord record) throws IOException;

    void reject(Reject reject) throws IOException;

    /** Two names of one mailbox, from a mailbox list ({@code Get-Mailbox | Export-Csv}); ignored unless kept. */
    default void link(IdentityLink link) throws IOException {}
}
