package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindContextsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final BindContexts contexts = new BindContexts(3_600_000);
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void theSameContextIsFoundAgainWhateverTheFolderOrTime() {
        BindContext first = contexts.of(alice.bind(T0, "A"));

        assertThat(contexts.of(alice.in("\\Archive").bind(T0.plusSeconds(600), "B")))
                .isSameAs(first);
        assertThat(contexts.of(Access.owner(new String("alice@contoso.com")).bind(T0, "C")))
                .isSameAs(first);
        assertThat(contexts.size()).isEqualTo(1);
    }

    @Test
    void everyContextFieldMakesAnotherContext() {
        List<MailboxAccess> accesses = List.of(
                alice.bind(T0, "A"),
                alice.session("other").bind(T0, "A"),
                alice.ip("203.0.113.7").bind(T0, "A"),
                alice.clientInfo("Client=POP3").bind(T0, "A"),
                alice.by("alice@contoso.com", LogonType.ADMIN).bind(T0, "A"),
                alice.by("bob@contoso.com", LogonType.DELEGATE).bind(T0, "A"),
                Access.owner("carol@contoso.com").bind(T0, "A"));

        List<BindContext> found = new ArrayList<>();
        for (MailboxAccess access : accesses) {
            found.add(contexts.of(access));
        }

        assertThat(found).doesNotHaveDuplicates();
        for (int i = 0; i < accesses.size(); i++) {
            assertThat(contexts.of(accesses.get(i))).isSameAs(found.get(i));
        }
    }

    @Test
    void manyContextsStayFindableThroughGrowthAndRemoval() {
        List<BindContext> found = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            found.add(contexts.of(alice.session("s" + i).bind(T0, "A")));
        }

        contexts.removeIf(context -> found.indexOf(context) % 2 == 0);

        assertThat(contexts.size()).isEqualTo(500);
        for (int i = 1; i < 1_000; i += 2) {
            assertThat(contexts.of(alice.session("s" + i).bind(T0, "A"))).isSameAs(found.get(i));
        }
        assertThat(contexts.of(alice.session("s0").bind(T0, "A"))).isNotSameAs(found.get(0));
    }
}
