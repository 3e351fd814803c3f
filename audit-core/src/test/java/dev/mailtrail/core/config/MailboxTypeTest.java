package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxTypeTest {
    @Test
    void parsesRecipientTypeDetailsOrTheTypeParameter() {
        assertThat(MailboxType.parse("RoomMailbox")).contains(MailboxType.ROOM_MAILBOX);
        assertThat(MailboxType.parse("room")).contains(MailboxType.ROOM_MAILBOX);
        assertThat(MailboxType.parse("Shared")).contains(MailboxType.SHARED_MAILBOX);
        assertThat(MailboxType.parse("Linked")).isEmpty();
        assertThat(MailboxType.parse(null)).isEmpty();
    }

    @Test
    void onlyUserSharedAndGroupMailboxesAreAuditedByDefault() {
        assertThat(MailboxType.values())
                .filteredOn(MailboxType::auditedByDefault)
                .containsExactlyInAnyOrder(
                        MailboxType.USER_MAILBOX, MailboxType.SHARED_MAILBOX, MailboxType.GROUP_MAILBOX);
    }
}
