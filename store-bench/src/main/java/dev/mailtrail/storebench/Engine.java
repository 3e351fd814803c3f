package dev.mailtrail.storebench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;

/** The candidate engines and their variants, by the name the bench command takes. */
enum Engine {
    DUCKDB("duckdb", "DuckDB, Appender, 2 threads"),
    DUCKDB_ART("duckdb-art", "DuckDB, Appender, 2 threads, ART index on message ids"),
    SQLITE_NORMAL("sqlite-normal", "SQLite WAL, synchronous=NORMAL"),
    SQLITE_FULL("sqlite-full", "SQLite WAL, synchronous=FULL"),
    LUCENE("lucene", "Lucene, 1 indexing thread, LZ4 stored fields"),
    LUCENE_TWO_THREADS("lucene-2t", "Lucene, 2 indexing threads, LZ4 stored fields"),
    LUCENE_COMPRESSED("lucene-deflate", "Lucene, 1 indexing thread, DEFLATE stored fields"),
    LUCENE_JOURNAL("lucene-journal", "Lucene, 1 indexing thread, a fsynced journal per batch, commit per 50 batches"),
    SOLR("solr", "Solr 9.10.1 SolrCloud node (own process, 1 GiB heap), 2 shards, compositeId router by mailbox"),
    OPENSEARCH("opensearch", "OpenSearch 3.9.0 node (own process, 1 GiB heap), 2 shards, routing by mailbox"),
    OPENSEARCH_STORED(
            "opensearch-stored",
            "OpenSearch 3.9.0 node as opensearch, hits fetched from stored fields instead of _source");

    final String id;
    final String description;

    Engine(String id, String description) {
        this.id = id;
        this.description = description;
    }

    AuditStore open(Path dir) throws Exception {
        return switch (this) {
            case DUCKDB -> new DuckDbStore(dir, 2, false);
            case DUCKDB_ART -> new DuckDbStore(dir, 2, true);
            case SQLITE_NORMAL -> new SqliteStore(dir, "NORMAL");
            case SQLITE_FULL -> new SqliteStore(dir, "FULL");
            case LUCENE -> new LuceneStore(dir, 1, Lucene104Codec.Mode.BEST_SPEED, null, 1);
            case LUCENE_TWO_THREADS -> new LuceneStore(dir, 2, Lucene104Codec.Mode.BEST_SPEED, null, 1);
            case LUCENE_COMPRESSED -> new LuceneStore(dir, 1, Lucene104Codec.Mode.BEST_COMPRESSION, null, 1);
            case LUCENE_JOURNAL -> journaled(dir);
            case SOLR -> new SolrStore(dir);
            case OPENSEARCH -> new OpenSearchStore(dir, false);
            case OPENSEARCH_STORED -> new OpenSearchStore(dir, true);
        };
    }

    private static AuditStore journaled(Path dir) throws Exception {
        Files.createDirectories(dir);
        return new LuceneStore(
                dir.resolve("index"), 1, Lucene104Codec.Mode.BEST_SPEED, new Journal(dir.resolve("journal")), 50);
    }

    static Engine byId(String id) {
        return Arrays.stream(values())
                .filter(engine -> engine.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine " + id + "; known: "
                        + Arrays.stream(values()).map(engine -> engine.id).collect(Collectors.joining(", "))));
    }
}
