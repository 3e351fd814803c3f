package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.record.RecordType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {
    @Test
    void eachActionMakesTheRecordTypeExchangeUsesForIt() {
        assertThat(RecordFactory.recordTypeOf(MailboxAction.MAIL_ITEMS_ACCESSED))
                .isEqualTo(RecordType.EXCHANGE_ITEM_AGGREGATED);
        assertThat(RecordFactory.recordTypeOf(MailboxAction.SEARCH_QUERY_INITIATED))
                .isEqualTo(RecordType.EXCHANGE_SEARCH);
        for (MailboxAction action : EnumSet.of(
                MailboxAction.FOLDER_BIND,
                MailboxAction.COPY,
                MailboxAction.MOVE,
                MailboxAction.MOVE_TO_DELETED_ITEMS,
                MailboxAction.SOFT_DELETE,
                MailboxAction.HARD_DELETE,
                MailboxAction.RECORD_DELETE)) {
            assertThat(RecordFactory.recordTypeOf(action)).as("%s", action).isEqualTo(RecordType.EXCHANGE_ITEM_GROUP);
        }
        for (MailboxAction action : EnumSet.of(
                MailboxAction.SEND,
                MailboxAction.SEND_AS,
                MailboxAction.SEND_ON_BEHALF,
                MailboxAction.CREATE,
                MailboxAction.UPDATE,
                MailboxAction.UPDATE_INBOX_RULES,
                MailboxAction.MAILBOX_LOGIN)) {
            assertThat(RecordFactory.recordTypeOf(action)).as("%s", action).isEqualTo(RecordType.EXCHANGE_ITEM);
        }
    }

    @Test
    void aMailboxKeepsOneGuidWhateverTheCaseOfItsName() {
        Replay replay = new Replay();
        replay.accept(Access.owner("alice@contoso.com").operation(Replay.at(0), MailboxAction.SOFT_DELETE, "A"));
        replay.accept(Access.owner("carol@contoso.com").operation(Replay.at(1), MailboxAction.SOFT_DELETE, "B"));
        Replay other = new Replay();
        other.accept(Access.owner("ALICE@contoso.com").operation(Replay.at(0), MailboxAction.SOFT_DELETE, "A"));

        assertThat(replay.records.get(0).mailboxGuid())
                .isEqualTo(other.records.get(0).mailboxGuid())
                .isNotEqualTo(replay.records.get(1).mailboxGuid());
    }
}
