package dev.mailtrail.storebench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite in WAL mode: a rowid table keyed by seq, composite indexes shaped for the searches (mailbox then time;
 * time then operation, which covers Q2), single indexes for the other Search-UnifiedAuditLog filters, and a
 * WITHOUT ROWID side table of message ids. {@code synchronous=NORMAL} syncs only at checkpoints, so a power loss
 * can lose the last commits; {@code FULL} syncs the WAL at every commit.
 */
final class SqliteStore implements AuditStore {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE audit_record (
            seq INTEGER PRIMARY KEY, creation_time INTEGER NOT NULL, record_type INTEGER NOT NULL,
            operation TEXT NOT NULL, user_id TEXT NOT NULL, mailbox TEXT NOT NULL, client_ip TEXT NOT NULL,
            session_id TEXT NOT NULL, audit_data TEXT NOT NULL)""",
        "CREATE INDEX audit_record_mailbox ON audit_record (mailbox, creation_time)",
        "CREATE INDEX audit_record_time ON audit_record (creation_time, operation, record_type)",
        "CREATE INDEX audit_record_user ON audit_record (user_id, creation_time)",
        "CREATE INDEX audit_record_ip ON audit_record (client_ip, creation_time)",
        "CREATE INDEX audit_record_session ON audit_record (session_id)",
        "CREATE TABLE message_ref (message_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (message_id, seq))"
                + " WITHOUT ROWID"
    };
    private static final String INSERT_RECORD = "INSERT INTO audit_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MESSAGE_REF = "INSERT INTO message_ref VALUES (?, ?)";
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
            "SELECT seq, audit_data FROM audit_record WHERE instr(audit_data, ?) > 0 ORDER BY seq";

    private final Connection connection;
    private final PreparedStatement insertRecord;
    private final PreparedStatement insertMessageRef;

    SqliteStore(Path dir, String synchronous) throws Exception {
        Files.createDirectories(dir);
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.sqlite"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = " + synchronous);
            statement.execute("PRAGMA cache_size = -262144");
            statement.execute("PRAGMA mmap_size = 8589934592");
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
        connection.setAutoCommit(false);
        insertRecord = connection.prepareStatement(INSERT_RECORD);
        insertMessageRef = connection.prepareStatement(INSERT_MESSAGE_REF);
    }

    @Override
    public void append(List<BenchRecord> batch) throws SQLException {
        for (BenchRecord record : batch) {
            insertRecord.setLong(1, record.seq());
            insertRecord.setLong(2, record.creationTime());
            insertRecord.setInt(3, record.recordType());
            insertRecord.setString(4, record.operation());
            insertRecord.setString(5, record.userId());
            insertRecord.setString(6, record.mailbox());
            insertRecord.setString(7, record.clientIp());
            insertRecord.setString(8, record.sessionId());
            insertRecord.setString(9, record.auditData());
            insertRecord.addBatch();
            for (String messageId : record.messageIds()) {
                insertMessageRef.setString(1, messageId);
                insertMessageRef.setLong(2, record.seq());
                insertMessageRef.addBatch();
            }
        }
        insertRecord.executeBatch();
        insertMessageRef.executeBatch();
        connection.commit();
    }

    @Override
    public void finishIngest() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public boolean compact() {
        return false;
    }

    @Override
    public List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
            query.setString(1, mailbox);
            query.setLong(2, from);
            query.setLong(3, to);
            query.setInt(4, limit);
            return SqlRows.hits(query);
        }
    }

    @Override
    public Map<String, Long> countByOperation(long from, long to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COUNT)) {
            query.setLong(1, from);
            query.setLong(2, to);
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
        insertRecord.close();
        insertMessageRef.close();
        connection.close();
    }
}
