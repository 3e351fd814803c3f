package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import org.junit.jupiter.api.Test;

/**
 * Every member the Office 365 Management Activity API schema documents for Exchange (the common schema, Exchange
 * Admin, Exchange Mailbox, ExchangeMailboxAuditRecord, ExchangeMailboxAuditGroupRecord,
 * ExchangeAggregatedMailboxAuditRecord, ExchangeAggregatedOperationRecord and their complex types ExchangeItem,
 * ExchangeFolder, ExchangeMessage, ExchangeFolderItem, ExchangeAggregatedFolder, ExchangeAggregatedMessage,
 * ExchangeMessageItem, EmailAddress, LocalQueueADLookupInfo), each of its documented type, reads into what
 * MailTrail models and keeps the rest: the record writes back as the same JSON, and no modelled field is kept
 * whole for want of a member.
 */
class ManagementActivitySchemaTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String COMMON =
            "\"CreationTime\":\"2026-03-04T21:40:02\",\"Id\":\"5d0e8c55-0000-4c2e-9b1a-000000000001\","
                    + "\"OrganizationId\":\"a9c1e7b0-3d2f-4e5a-8b6c-7d8e9f0a1b2c\",\"UserType\":0,\"UserKey\":\"10032001A1B2C3D4\","
                    + "\"Workload\":\"Exchange\",\"ResultStatus\":\"Succeeded\",\"ObjectId\":\"alice@contoso.com\","
                    + "\"UserId\":\"alice@contoso.com\",\"ClientIP\":\"203.0.113.66\",\"Scope\":\"online\","
                    + "\"AppAccessContext\":{\"AADSessionId\":\"00a1\",\"IssuedAtTime\":\"2026-03-04T21:00:00\","
                    + "\"UniqueTokenId\":\"x1\"},\"Version\":1";
    private static final String MAILBOX = "\"LogonType\":0,\"InternalLogonType\":0,"
            + "\"MailboxGuid\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"MailboxOwnerUPN\":\"alice@contoso.com\","
            + "\"MailboxOwnerSid\":\"S-1-5-21-1-2-3-1001\",\"MailboxOwnerMasterAccountSid\":\"S-1-5-21-9\","
            + "\"LogonUserSid\":\"S-1-5-21-1-2-3-1001\",\"LogonUserDisplayName\":\"Alice\",\"ExternalAccess\":false,"
            + "\"OriginatingServer\":\"AM0PR01MB1234 (15.20.7000.000)\",\"OrganizationName\":\"contoso.onmicrosoft.com\","
            + "\"ClientInfoString\":\"Client=OWA;Action=ViaProxy\",\"ClientIPAddress\":\"203.0.113.66\","
            + "\"ClientMachineName\":\"PC1\",\"ClientProcessName\":\"OUTLOOK.EXE\",\"ClientVersion\":\"16.0.1\","
            + "\"SessionId\":\"9b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\",\"AppId\":\"00000002-0000-0ff1-ce00-000000000000\","
            + "\"ClientAppId\":\"\",\"HostAppId\":\"h1\",\"OperationProperties\":[{\"Name\":\"MailAccessType\","
            + "\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}],\"ClientRequestId\":\"r1\","
            + "\"ExternalUserTenantId\":\"t1\",\"ActorIP\":\"203.0.113.66\",\"ActorInfoString\":\"Public\","
            + "\"DeviceId\":\"d1\",\"CloudInstanceName\":\"Public\",\"TokenObjectId\":\"o1\",\"TokenTenantId\":\"t1\","
            + "\"AuthType\":\"Bearer\",\"TokenType\":\"AccessToken\",\"recipientCount\":2,"
            + "\"recipientList\":[{\"Address\":\"bob@fabrikam.com\",\"Name\":\"Bob\"},{\"Address\":\"c@f.com\"}]";
    private static final String FOLDER = "{\"Id\":\"LgAA1\",\"Path\":\"\\\\Inbox\",\"Name\":\"Inbox\","
            + "\"MemberSid\":\"S-1-5-21-7\",\"MemberRights\":\"ReadAny\",\"MemberUpn\":\"bob@contoso.com\"}";
    private static final String ITEM = "{\"Id\":\"RgAA1\",\"Subject\":\"Invoice 0042\",\"ParentFolder\":" + FOLDER
            + ",\"ParentMessage\":{\"Id\":\"RgAA0\",\"Path\":\"\\\\Inbox\"},\"Attachments\":\"a.pdf (81234b)\","
            + "\"ImmutableId\":\"LgAB1\",\"InternetMessageId\":\"<inv-0042@fabrikam.com>\",\"ComplianceLabel\":\"Keep\","
            + "\"IsRecord\":false,\"IsPriorityCleanup\":false,\"SizeInBytes\":48213,\"Sensitivity\":\"Normal\"}";
    private static final String FOLDER_ITEM = "{\"Id\":\"RgAA2\",\"ImmutableId\":\"LgAB2\","
            + "\"InternetMessageId\":\"<inv-0043@fabrikam.com>\",\"CreationTime\":\"2026-03-01T09:12:44\","
            + "\"Subject\":\"Invoice 0043\",\"SizeInBytes\":51200,\"Sensitivity\":\"Confidential\","
            + "\"ClientRequestId\":\"r2\",\"Teams\":{\"ChatId\":\"c1\"}}";

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    @Test
    void exchangeAdmin() throws Exception {
        AuditRecord record = roundTrip("{" + COMMON + ",\"RecordType\":1,\"Operation\":\"New-InboxRule\","
                + "\"ModifiedObjectResolvedName\":\"Rule\",\"Parameters\":[{\"Name\":\"Name\",\"Value\":\".\"}],"
                + "\"ModifiedProperties\":[{\"Name\":\"P\",\"NewValue\":\"n\",\"OldValue\":\"o\"}],"
                + "\"ExternalAccess\":false,\"OriginatingServer\":\"AM0\",\"OrganizationName\":\"contoso\","
                + "\"DeviceId\":\"d1\",\"TokenObjectId\":\"o1\",\"TokenTenantId\":\"t1\"}");

        assertThat(record.parameters()).singleElement().satisfies(p -> assertThat(p.value())
                .isEqualTo("."));
    }

    @Test
    void exchangeItem() throws Exception {
        AuditRecord record = roundTrip("{" + COMMON + ",\"RecordType\":2,\"Operation\":\"SendAs\"," + MAILBOX
                + ",\"Item\":" + ITEM + ",\"ModifiedProperties\":[\"Subject\"],\"MbxLoginLocalQueueADLookupInfo\":"
                + "{\"Puid\":\"p\",\"OrgIdPuid\":\"o\",\"Smtp\":\"alice@contoso.com\",\"SearchScope\":\"s\","
                + "\"ConsumerMailbox\":\"False\"},\"SendAsUserSmtp\":\"ceo@contoso.com\","
                + "\"SendAsUserMailboxGuid\":\"1d2e3f40-5162-7384-95a6-b7c8d9e0f1a2\","
                + "\"SendOnBehalfOfUserSmtp\":\"ceo@contoso.com\",\"SendOnBehalfOfUserMailboxGuid\":\"1d2e\","
                + "\"ContactEmail1EmailAddress\":\"a@b\",\"ContactEmail1DisplayName\":\"A\","
                + "\"ContactEmail2EmailAddress\":\"c@d\",\"ContactEmail2DisplayName\":\"C\","
                + "\"ContactEmail3EmailAddress\":\"e@f\",\"ContactEmail3DisplayName\":\"E\",\"AttachmentId\":\"at1\","
                + "\"AttachmentSizeInBytes\":81234,\"SaveToSentItems\":true,\"Teams\":{\"ChatId\":\"c1\"}}");

        assertThat(record.item().subject()).isEqualTo("Invoice 0042");
        assertThat(record.item().internetMessageId()).isEqualTo("<inv-0042@fabrikam.com>");
        assertThat(record.item().sizeInBytes()).isEqualTo(48213L);
        assertThat(record.item().parentFolder().path()).isEqualTo("\\Inbox");
        assertThat(record.mailAccessType()).isEqualTo("Bind");
    }

    @Test
    void exchangeItemGroup() throws Exception {
        AuditRecord record = roundTrip("{" + COMMON + ",\"RecordType\":3,\"Operation\":\"MoveToDeletedItems\","
                + MAILBOX + ",\"Folder\":" + FOLDER
                + ",\"CrossMailboxOperations\":false,\"CrossMailboxOperation\":false,"
                + "\"DestMailboxId\":\"7c9e\",\"DestMailboxOwnerUPN\":\"bob@contoso.com\",\"DestMailboxOwnerSid\":\"S-2\","
                + "\"DestMailboxOwnerMasterAccountSid\":\"S-3\",\"DestFolder\":"
                + FOLDER.replace("Inbox", "Deleted Items")
                + ",\"Folders\":[" + FOLDER + "],\"AffectedItems\":[" + ITEM + "," + ITEM.replace("0042", "0044")
                + "],\"Teams\":{\"ChatId\":\"c1\"}}");

        assertThat(record.affectedItems()).hasSize(2);
        assertThat(record.destFolder().path()).isEqualTo("\\Deleted Items");
        assertThat(record.folders()).singleElement().satisfies(f -> assertThat(f.path())
                .isEqualTo("\\Inbox"));
    }

    @Test
    void exchangeAggregatedMailboxAuditRecord() throws Exception {
        AuditRecord record = roundTrip("{" + COMMON + ",\"RecordType\":50,\"Operation\":\"MailItemsAccessed\","
                + MAILBOX + ",\"OperationCount\":2,\"Folders\":[{\"Id\":\"LgAA1\",\"Path\":\"\\\\Finance\","
                + "\"FolderItems\":[" + FOLDER_ITEM + "," + FOLDER_ITEM.replace("0043", "0045") + "]}],"
                + "\"Messages\":[{\"Id\":\"m1\",\"Path\":\"\\\\Finance\",\"MessageItems\":[{\"Id\":\"i1\","
                + "\"SizeInBytes\":51200}]}]}");

        assertThat(record.folders().getFirst().folderItems())
                .extracting(ItemRef::internetMessageId)
                .containsExactly("<inv-0043@fabrikam.com>", "<inv-0045@fabrikam.com>");
        assertThat(record.operationCount()).isEqualTo(2);
    }

    @Test
    void exchangeAggregatedOperationRecord() throws Exception {
        AuditRecord record = roundTrip("{" + COMMON + ",\"RecordType\":19,\"Operation\":\"SoftDelete\"," + MAILBOX
                + ",\"OperationCount\":7,\"AggregateDurationInSeconds\":120,\"AffectedItems\":[" + ITEM + "]}");

        assertThat(record.operationCount()).isEqualTo(7);
        assertThat(record.affectedItems()).hasSize(1);
    }

    /**
     * Reads the JSON from text and from a tree, checks both give one record, that writing it gives back the same
     * tree, and that no modelled field was kept whole as an extension.
     */
    private AuditRecord roundTrip(String json) throws Exception {
        AuditRecord record = reader.read(json);
        assertThat(reader.read(TREES.readTree(json))).isEqualTo(record);
        assertThat(TREES.readTree(writer.toJson(record))).isEqualTo(TREES.readTree(json));
        assertThat(record.extensions().keySet())
                .allSatisfy(
                        name -> assertThat(AuditDataField.named(name)).as(name).isNull());
        assertThat(UnreadMembers.of(record)).isEmpty();
        return record;
    }
}
