package dev.mailtrail.storebench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic audit records, the same for every engine: record {@code seq} depends only on the seed, the count and
 * {@code seq}, so a store's answers can be checked by regenerating the records they came from.
 *
 * <p>The shape: 5,000 mailboxes with Zipf-skewed activity (the busiest ~10% of all records, the quietest a few
 * hundred in 10 M), 200 sessions and client IPs per day, 120 days in creation-time order. 85% MailItemsAccessed
 * (nine in ten Binds of 1–10 items, the rest Syncs), 14% other mailbox actions, 1% admin cmdlets. The same message
 * is read by a mailbox a few times a day, sometimes weeks after it arrived.
 */
public final class AuditRecordGenerator {
    static final int MAILBOXES = 5_000;
    static final int SESSIONS_PER_DAY = 200;
    static final int DAYS = 120;
    static final long DAY_SECONDS = 86_400;
    static final long START = LocalDate.of(2026, 1, 1).toEpochDay() * DAY_SECONDS;
    static final long END = START + DAYS * DAY_SECONDS;

    private static final String ORGANIZATION_ID = "5a0f38c6-710b-4503-92c0-3a9f6e00f726";
    private static final String[] FIRST = ("ada alan alice anna ben bob carl chloe dan dora eli emma finn fred gina"
                    + " hugo ida ivan jack jane kai kate leo lily max mia nick nina omar olga paul pia quinn rosa sam"
                    + " sara tom tina uma vera will wendy xena yves yara zoe zack ruth noah eve")
            .split(" ");
    private static final String[] SYLLABLE = "ber car dal fen gor hal kin lor mar son".split(" ");
    private static final String[] DOMAINS = {
        "mail.gmail.com",
        "contoso.com",
        "eurprd04.prod.outlook.com",
        "fabrikam.example",
        "mx.example.net",
        "lists.example.org"
    };
    private static final String[] FOLDERS = {
        "\\\\Inbox",
        "\\\\Inbox",
        "\\\\Inbox",
        "\\\\Inbox",
        "\\\\Sent Items",
        "\\\\Archive",
        "\\\\Finance\\\\2026",
        "\\\\Projects\\\\Q1",
        "\\\\Deleted Items"
    };
    private static final String[] CLIENTS = {
        "Client=IMAP4; name=Thunderbird; version=128.3.1",
        "Client=IMAP4; name=Apple Mail; version=16.0",
        "Client=POP3; name=Microsoft Outlook; version=16.0.17928",
        "Client=REST; Mozilla/5.0 (Windows NT 10.0; Win64; x64) MailTrail-Webmail/1.4",
        "Client=IMAP4; name=K-9 Mail; version=6.804",
        "Client=IMAP4; name=mutt; version=2.2.9"
    };
    private static final String[] SUBJECTS = {
        "Q1 plan",
        "Invoice 4471 - wire details",
        "Lunch friday?",
        "Re: contract draft v3",
        "Board pack",
        "Fwd: payroll changes",
        "Your password expires soon",
        "Minutes of the weekly sync",
        "Re: Re: offsite"
    };
    private static final String[] ADMIN_CMDLETS = {
        "Set-Mailbox", "Add-MailboxPermission", "New-InboxRule", "Set-MailboxAuditBypassAssociation"
    };

    private static final HexFormat HEX = HexFormat.of();

    private final long seed;
    private final long count;
    private final double[] rankCumulative = new double[MAILBOXES];
    private final String[] dateOfDay = new String[DAYS];

    public AuditRecordGenerator(long seed, long count) {
        this.seed = seed;
        this.count = count;
        double sum = 0;
        for (int rank = 0; rank < MAILBOXES; rank++) {
            sum += 1.0 / (rank + 1);
            rankCumulative[rank] = sum;
        }
        for (int rank = 0; rank < MAILBOXES; rank++) {
            rankCumulative[rank] /= sum;
        }
        for (int day = 0; day < DAYS; day++) {
            dateOfDay[day] = LocalDate.ofEpochDay(START / DAY_SECONDS + day) + "T";
        }
    }

    public long count() {
        return count;
    }

    /** The mailbox with the given activity rank: rank 0 is the busiest. */
    public static String mailbox(int rank) {
        int index = (int) ((rank * 7919L) % MAILBOXES);
        return FIRST[index % 50] + "." + SYLLABLE[(index / 50) % 10] + SYLLABLE[index / 500] + "@contoso.com";
    }

    public BenchRecord record(long seq) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ (seq * 0x9E3779B97F4A7C15L)));
        long time = START + (seq * (DAYS * DAY_SECONDS)) / count;
        int day = (int) ((time - START) / DAY_SECONDS);
        int rank = rank(random.nextDouble());
        long session = mix(seed + day * 1_000L + random.nextInt(SESSIONS_PER_DAY));
        double kind = random.nextDouble();
        Json json = new Json(seq, time, day, rank, session, random);
        if (kind < 0.85) {
            return json.mailItemsAccessed();
        }
        if (kind < 0.99) {
            return json.mailboxAction();
        }
        return json.adminCmdlet();
    }

    private int rank(double uniform) {
        int found = Arrays.binarySearch(rankCumulative, uniform);
        return Math.min(MAILBOXES - 1, found >= 0 ? found : -found - 1);
    }

    /** How many distinct messages a mailbox reads on one day: about as many as it has item reads that day. */
    private int messagesPerDay(int rank) {
        double share = rankCumulative[rank] - (rank == 0 ? 0 : rankCumulative[rank - 1]);
        return (int) Math.max(4, share * count / DAYS * 1.5);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds one record's AuditData; one instance per record. */
    private final class Json {
        private final StringBuilder out = new StringBuilder(1_600);
        private final List<String> messageIds = new ArrayList<>(4);
        private final long seq;
        private final long time;
        private final int day;
        private final int rank;
        private final long session;
        private final SplittableRandom random;
        private final String mailbox;
        private String userId;
        private String clientIp;
        private String sessionId;

        Json(long seq, long time, int day, int rank, long session, SplittableRandom random) {
            this.seq = seq;
            this.time = time;
            this.day = day;
            this.rank = rank;
            this.session = session;
            this.random = random;
            this.mailbox = mailbox(rank);
        }

        BenchRecord mailItemsAccessed() {
            boolean sync = random.nextInt(10) == 0;
            int items = sync ? 0 : 1 + random.nextInt(1 + random.nextInt(1 + random.nextInt(10)));
            mailboxHeader("MailItemsAccessed", 50);
            out.append(",\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"")
                    .append(sync ? "Sync" : "Bind")
                    .append("\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}]");
            out.append(",\"OperationCount\":").append(Math.max(1, items)).append(",\"Folders\":[{");
            folder(FOLDERS[random.nextInt(FOLDERS.length)]);
            if (!sync) {
                out.append(",\"FolderItems\":[");
                for (int i = 0; i < items; i++) {
                    out.append(i == 0 ? "{" : ",{");
                    item(false);
                    out.append('}');
                }
                out.append(']');
            }
            out.append("}]");
            return finish(50, "MailItemsAccessed");
        }

        BenchRecord mailboxAction() {
            int which = random.nextInt(100);
            if (which < 40) {
                mailboxHeader("MailboxLogin", 2);
                return finish(2, "MailboxLogin");
            }
            if (which < 60) {
                mailboxHeader("Send", 2);
                out.append(",\"Item\":{");
                item(true);
                out.append(",\"ParentFolder\":{");
                folder("\\\\Sent Items");
                out.append("}}");
                return finish(2, "Send");
            }
            if (which < 97) {
                String operation = which < 75 ? "SoftDelete" : which < 90 ? "MoveToDeletedItems" : "HardDelete";
                mailboxHeader(operation, 3);
                out.append(",\"Folder\":{");
                folder("\\\\Inbox");
                out.append("},\"CrossMailboxOperation\":false,\"AffectedItems\":[");
                int items = 1 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    out.append(i == 0 ? "{" : ",{");
                    item(true);
                    out.append('}');
                }
                out.append(']');
                return finish(3, operation);
            }
            mailboxHeader("UpdateInboxRules", 2);
            out.append(",\"OperationProperties\":[{\"Name\":\"RuleName\",\"Value\":\"Move invoices\"},")
                    .append("{\"Name\":\"RuleActions\",\"Value\":\"MoveToFolder\"},")
                    .append("{\"Name\":\"RuleCondition\",\"Value\":\"SubjectContainsWords: invoice\"}]");
            return finish(2, "UpdateInboxRules");
        }

        BenchRecord adminCmdlet() {
            String operation = ADMIN_CMDLETS[random.nextInt(ADMIN_CMDLETS.length)];
            userId = "admin@contoso.com";
            clientIp = "203.0.113." + (session >>> 58);
            sessionId = "";
            common(operation, 1, "True", 2);
            out.append(",\"ObjectId\":\"").append(mailbox).append("\",\"AppId\":\"\",\"ClientAppId\":\"\"");
            out.append(",\"ExternalAccess\":false,\"OrganizationName\":\"contoso.onmicrosoft.com\"");
            out.append(",\"OriginatingServer\":\"mail01.contoso.com\",\"Parameters\":[");
            out.append("{\"Name\":\"Identity\",\"Value\":\"").append(mailbox).append("\"},");
            out.append("{\"Name\":\"AuditOwner\",\"Value\":\"MailItemsAccessed;Send;SoftDelete;HardDelete\"}]");
            return finish(1, operation);
        }

        private void mailboxHeader(String operation, int recordType) {
            int actor = random.nextInt(100);
            userId = actor < 94 ? mailbox : actor < 98 ? mailbox(random.nextInt(MAILBOXES)) : "admin@contoso.com";
            int logonType = actor < 94 ? 0 : actor < 98 ? 2 : 1;
            clientIp = ip(session);
            sessionId = guid(session, mix(session));
            common(operation, recordType, "Succeeded", logonType == 1 ? 2 : 0);
            int index = (int) ((rank * 7919L) % MAILBOXES);
            out.append(",\"ClientIPAddress\":\"").append(clientIp);
            out.append("\",\"ClientInfoString\":\"").append(CLIENTS[(int) ((session >>> 1) % CLIENTS.length)]);
            out.append("\",\"ExternalAccess\":false,\"InternalLogonType\":").append(logonType);
            out.append(",\"LogonType\":").append(logonType);
            out.append(",\"MailboxGuid\":\"").append(guid(mix(index), mix(~index)));
            out.append("\",\"MailboxOwnerUPN\":\"").append(mailbox);
            out.append("\",\"OrganizationName\":\"contoso.onmicrosoft.com\"");
            out.append(",\"OriginatingServer\":\"mail01.contoso.com\"");
            out.append(",\"SessionId\":\"").append(sessionId).append('"');
        }

        private void common(String operation, int recordType, String result, int userType) {
            long seconds = time % DAY_SECONDS;
            out.append("{\"CreationTime\":\"").append(dateOfDay[day]);
            twoDigits(seconds / 3_600).append(':');
            twoDigits(seconds / 60 % 60).append(':');
            twoDigits(seconds % 60).append('"');
            out.append(",\"Id\":\"")
                    .append(guid(mix(seed + seq), mix(seed - seq)))
                    .append('"');
            out.append(",\"Operation\":\"").append(operation).append('"');
            out.append(",\"OrganizationId\":\"").append(ORGANIZATION_ID).append('"');
            out.append(",\"RecordType\":").append(recordType);
            out.append(",\"ResultStatus\":\"").append(result).append('"');
            out.append(",\"UserKey\":\"").append(userId).append('"');
            out.append(",\"UserType\":").append(userType).append(",\"Version\":1,\"Workload\":\"Exchange\"");
            out.append(",\"ClientIP\":\"").append(clientIp).append('"');
            out.append(",\"UserId\":\"").append(userId).append('"');
        }

        private void folder(String path) {
            String id = path.replace("\\\\", "/").substring(1);
            out.append("\"Id\":\"")
                    .append(mailbox, 0, mailbox.indexOf('@'))
                    .append('/')
                    .append(id);
            out.append(";uidvalidity=1700000000\",\"Path\":\"").append(path).append('"');
        }

        private void item(boolean withSubject) {
            int back = random.nextInt(4) == 0 ? random.nextInt(Math.min(day, 30) + 1) : 0;
            long message =
                    mix(seed * 31 + rank * 1_000_003L + (day - back) * 7_919L + random.nextInt(messagesPerDay(rank)));
            String messageId = "<" + Long.toString(message >>> 1, 36) + "." + Long.toString(mix(message) >>> 44, 36)
                    + "@" + DOMAINS[(int) ((message >>> 3) % DOMAINS.length)] + ">";
            messageIds.add(messageId);
            out.append("\"Id\":\"uid=").append((message >>> 40) % 100_000).append('"');
            if (withSubject) {
                out.append(",\"Subject\":\"").append(SUBJECTS[(int) ((message >>> 5) % SUBJECTS.length)]);
                out.append('"');
            }
            out.append(",\"InternetMessageId\":\"").append(messageId).append('"');
            out.append(",\"SizeInBytes\":").append(2_000 + (message >>> 20) % 250_000);
        }

        private BenchRecord finish(int recordType, String operation) {
            out.append('}');
            return new BenchRecord(
                    seq,
                    time,
                    recordType,
                    operation,
                    userId,
                    mailbox,
                    clientIp,
                    sessionId,
                    messageIds.stream().distinct().toList(),
                    out.toString());
        }

        private StringBuilder twoDigits(long value) {
            return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }

    private static String ip(long session) {
        long bits = mix(session);
        if ((bits & 15) == 0) {
            return "2001:db8:" + Long.toHexString((bits >>> 8) & 0xffff) + "::" + Long.toHexString(bits >>> 48);
        }
        return ((bits >>> 4) & 1) == 0
                ? "10." + ((bits >>> 8) & 255) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 24) & 255)
                : "198.51." + ((bits >>> 32) & 255) + "." + ((bits >>> 40) & 255);
    }

    private static String guid(long high, long low) {
        String hex = HEX.toHexDigits(high) + HEX.toHexDigits(low);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
