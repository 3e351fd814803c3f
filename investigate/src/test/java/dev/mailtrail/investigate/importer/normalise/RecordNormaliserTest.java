package dev.mailtrail.investigate.importer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import org.junit.jupiter.api.Test;

class RecordNormaliserTest {
    private static final String UNTIDY = "{\"CreationTime\":\"2026-03-04T19:05:00\",\"Id\":\"x\","
            + "\"Operation\":\"MailItemsAccessed\",\"RecordType\":50,\"UserType\":\"0\",\"ClientIP\":\"[2001:db8::1]:443\","
            + "\"LogonType\":\"Delegate\",\"ExternalAccess\":\"True\",\"ClientIPAddress\":\"203.0.113.5:51234\","
            + "\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}],\"OperationCount\":\"3\"}";

    private final RecordNormaliser normaliser = new RecordNormaliser();

    @Test
    void untidyFieldsGetTheirTypedValues() throws Exception {
        AuditRecord record = normaliser.normalise(new AuditDataReader().read(UNTIDY));

        assertThat(record.clientIp()).isEqualTo("2001:db8::1");
        assertThat(record.clientIpAddress()).isEqualTo("203.0.113.5");
        assertThat(record.logonType()).isEqualTo(2);
        assertThat(record.externalAccess()).isTrue();
        assertThat(record.userType()).isZero();
        assertThat(record.operationCount()).isEqualTo(3);
        assertThat(record.operationProperties())
                .containsExactly(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "False"));
    }

    @Test
    void theOriginalsGiveTheExportedJsonBack() throws Exception {
        AuditRecord record = normaliser.normalise(new AuditDataReader().read(UNTIDY));

        assertThat(new AuditDataWriter().toJson(OriginalValues.restore(record))).isEqualTo(UNTIDY);
    }

    @Test
    void aTidyRecordIsLeftAsItIs() throws Exception {
        AuditRecord tidy = new AuditDataReader()
                .read("{\"CreationTime\":\"2026-03-04T19:05:00\",\"Operation\":\"Send\",\"RecordType\":2,"
                        + "\"ClientIP\":\"203.0.113.5\",\"ExternalAccess\":false}");

        assertThat(normaliser.normalise(tidy)).isSameAs(tidy);
    }

    @Test
    void isThrottledIsAddedOnlyToMailItemsAccessed() throws Exception {
        AuditRecord update = new AuditDataReader()
                .read("{\"CreationTime\":\"2026-03-04T19:05:00\",\"Operation\":\"UpdateInboxRules\",\"RecordType\":2,"
                        + "\"OperationProperties\":[{\"Name\":\"RuleName\",\"Value\":\"x\"}]}");

        assertThat(normaliser.normalise(update).operationProperties()).containsExactly(new NameValue("RuleName", "x"));
    }

    @Test
    void textThatIsNoBooleanStaysAsTheExportWroteIt() throws Exception {
        AuditRecord odd = new AuditDataReader()
                .read("{\"CreationTime\":\"2026-03-04T19:05:00\",\"Operation\":\"Send\",\"RecordType\":2,"
                        + "\"ExternalAccess\":\"Unknown\"}");

        AuditRecord record = normaliser.normalise(odd);
        assertThat(record.externalAccess()).isNull();
        assertThat(record.extensions()).containsEntry("ExternalAccess", "Unknown");
    }
}
