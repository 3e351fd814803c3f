package dev.mailtrail.storebench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB: one columnar table in creation-time order, appended through the Appender, plus a side table of message
 * ids (optionally with an ART index). DuckDB has no secondary index that serves a range or top-N query; its zone
 * maps (min/max per row group) are what skip data. Time-ordered appends make Q2 cheap; Q1 and Q3 read a whole
 * column until {@link #compact()} sorts the data by their keys.
 */
final class DuckDbStore implements AuditStore {
    private static final String SCHEMA = """
            CREATE TABLE audit_record (
                seq BIGINT NOT NULL, creation_time TIMESTAMP NOT NULL, record_type SMALLINT NOT NULL,
                operation VARCHAR NOT NULL, user_id VARCHAR NOT NULL, mailbox VARCHAR NOT NULL,
                client_ip VARCHAR NOT NULL, session_id VARCHAR NOT NULL, audit_data VARCHAR NOT NULL);
            CREATE TABLE message_ref (message_id VARCHAR NOT NULL, seq BIGINT NOT NULL);
            """;
    private static final String NEWEST = """
            SELECT seq, audit_data FROM audit_record
            WHERE mailbox = ? AND creation_time >= ? AND creation_time < ?
            ORDER BY creation_time DESC, seq DESC LIMIT ?""";
    private static final String COUNT = """
            SELECT operation, count(*) FROM audit_record
            WHERE creation_time >= ? AND creation_time < ? GROUP BY operation""";
    private static final String BY_MESSAGE_ID = """
            SELECT seq, audit_data FROM audit_record
            WHERE seq IN (SELECT seq FROM message_ref WHERE message_id = ?) ORDER BY seq""";
    private static final String SCAN_MESSAGE_ID =
            "SELECT seq, audit_data FROM audit_record WHERE contains(audit_data, ?) ORDER BY seq";

    private final Path file;
    private final int threads;
    private DuckDBConnection connection;
    private DuckDBAppender records;
    private DuckDBAppender messageRefs;

    DuckDbStore(Path dir, int threads, boolean indexMessageIds) throws Exception {
        Files.createDirectories(dir);
        this.file = dir.resolve("audit.duckdb");
        this.threads = threads;
        open();
        execute(SCHEMA);
        if (indexMessageIds) {
            execute("CREATE INDEX message_ref_id ON message_ref (message_id)");
        }
        connection.setAutoCommit(false);
        records = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "audit_record");
        messageRefs = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "message_ref");
    }

    private void open() throws SQLException {
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET memory_limit = '4GB'");
            // the default (16 MB) checkpoints every other batch and rewrites the open row group each time
            statement.execute("SET checkpoint_threshold = '1GB'");
        }
    }

    @Override
    public void append(List<BenchRecord> batch) throws SQLException {
        for (BenchRecord record : batch) {
            records.beginRow()
                    .append(record.seq())
                    .appendEpochMicros(record.creationTime() * 1_000_000)
                    .append((short) record.recordType())
                    .append(record.operation())
                    .append(record.userId())
                    .append(record.mailbox())
                    .append(record.clientIp())
                    .append(record.sessionId())
                    .append(record.auditData())
                    .endRow();
            for (String messageId : record.messageIds()) {
                messageRefs.beginRow().append(messageId).append(record.seq()).endRow();
            }
        }
        records.flush();
        messageRefs.flush();
        connection.commit();
    }

    @Override
    public void finishIngest() throws SQLException {
        connection.setAutoCommit(true);
        execute("CHECKPOINT");
    }

    /**
     * The sort-key fix: rewrites both tables into a new file, records by mailbox then time and message ids by id,
     * so that zone maps skip everything but one mailbox's (or one id's) row groups. DuckDB keeps no order on
     * insert, so a live store would do this per closed week and search the unsorted recent part besides.
     */
    @Override
    public boolean compact() throws Exception {
        Path sorted = file.resolveSibling("sorted.duckdb");
        records.close();
        messageRefs.close();
        execute("ATTACH '" + sorted + "' AS sorted");
        execute("CREATE TABLE sorted.audit_record AS SELECT * FROM audit_record ORDER BY mailbox, creation_time, seq");
        execute("CREATE TABLE sorted.message_ref AS SELECT * FROM message_ref ORDER BY message_id, seq");
        execute("DETACH sorted");
        connection.close();
        Files.move(sorted, file, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        open();
        return true;
    }

    @Override
    public List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
            query.setString(1, mailbox);
            query.setObject(2, timestamp(from));
            query.setObject(3, timestamp(to));
            query.setInt(4, limit);
            return SqlRows.hits(query);
        }
    }

    @Override
    public Map<String, Long> countByOperation(long from, long to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COUNT)) {
            query.setObject(1, timestamp(from));
            query.setObject(2, timestamp(to));
            return SqlRows.counts(query);
        }
    }

    @Override
    public List<Hit> findMessageId(String messageId, Lookup lookup) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(lookup == Lookup.INDEXED ? BY_MESSAGE_ID : SCAN_MESSAGE_ID)) {
            query.setString(1, messageId);
            return SqlRows.hits(query);
        }
    }

    @Override
    public Set<Lookup> lookups() {
        return Set.of(Lookup.INDEXED, Lookup.SCAN);
    }

    @Override
    public void close() throws SQLException {
        records.close();
        messageRefs.close();
        connection.close();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static LocalDateTime timestamp(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }
}
