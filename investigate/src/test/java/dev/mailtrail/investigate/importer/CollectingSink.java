package dev.mailtrail.investigate.importer;

import java.util.ArrayList;
import java.util.List;

/** Keeps what an import delivers, in order. */
final class CollectingSink implements RecordSink {
    final List<ImportedRecord> records = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();

    @Override
    public void accept(ImportedRecord record) {
        records.add(record);
    }

    @Override
    public void reject(Reject reject) {
        rejects.add(reject);
    }
}
