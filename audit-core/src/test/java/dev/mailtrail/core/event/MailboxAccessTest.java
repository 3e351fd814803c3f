package dev.mailtrail.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxAccessTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void missingPartsTakeTheirDefaults() {
        MailboxAccess access = new MailboxAccess(
                T0,
                "bob",
                "alice",
                LogonType.DELEGATE,
                MailboxAction.SOFT_DELETE,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(access.session()).isEqualTo(Session.NONE);
        assertThat(access.items()).isEmpty();
        assertThat(access.result()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(access.parameters()).isEmpty();
    }

    @Test
    void mailItemsAccessedNeedsAnAccessType() {
        assertThatThrownBy(() -> new MailboxAccess(
                        T0,
                        "bob",
                        "alice",
                        LogonType.DELEGATE,
                        MailboxAction.MAIL_ITEMS_ACCESSED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessType");
    }

    @Test
    void itemsAreCopied() {
        List<ItemRef> items = new ArrayList<>(List.of(new ItemRef("<a@x>", null, null, null)));
        MailboxAccess access = new MailboxAccess(
                T0,
                "bob",
                "alice",
                LogonType.DELEGATE,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                null,
                null,
                null,
                items,
                null,
                null);

        items.add(new ItemRef("<b@x>", null, null, null));

        assertThat(access.items()).hasSize(1);
    }

    @Test
    void anItemIsKnownByItsInternetMessageIdElseItsStoreId() {
        assertThat(new ItemRef("<a@x>", "uid=1", 10L, "s").identity()).isEqualTo("<a@x>");
        assertThat(new ItemRef(null, "uid=1", null, null).identity()).isEqualTo("uid=1");
        assertThatThrownBy(() -> new ItemRef(null, null, 10L, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultStatusesParseByExchangesNames() {
        assertThat(ResultStatus.parse("partiallysucceeded")).contains(ResultStatus.PARTIALLY_SUCCEEDED);
        assertThat(ResultStatus.parse("Denied")).isEmpty();
    }

    @Test
    void aCmdletInvocationWithoutASessionHasNone() {
        assertThat(new CmdletInvocation(T0, "admin", "Set-Mailbox x", null).session())
                .isEqualTo(Session.NONE);
    }
}
