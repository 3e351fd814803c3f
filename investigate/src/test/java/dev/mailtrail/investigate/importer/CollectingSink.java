package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.mailboxes.IdentityLink;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an import delivers, in order. */
final class CollectingSink implements RecordSink {
    final List<ImportedRecord> records = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<IdentityLink> links = new ArrayList<>();

    @Override
    public void link(IdentityLink link) {
        links.add(link);
    }

    @Override
    public void accept(ImportedRecord record) {
        records.add(record);
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
    }
}
