package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import org.junit.jupiter.api.Test;

/** The windows still open are told with their accesses and closing time, and are gone once their record is made. */
class OpenAggregationsTest {
    private final Replay replay = new Replay();
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void eachOpenWindowIsToldUntilItCloses() {
        replay.accept(alice.bind(at(0), "A", "B"));
        replay.accept(alice.bind(at(30), "C"));
        replay.accept(alice.in("\\Sent").sync(at(40), "D"));

        assertThat(replay.generator.openAggregations())
                .containsExactly(
                        new OpenAggregation(
                                "alice@contoso.com", "alice@contoso.com", MailAccessType.BIND, 3, at(0), at(120)),
                        new OpenAggregation(
                                "alice@contoso.com", "alice@contoso.com", MailAccessType.SYNC, 1, at(40), at(160)));

        replay.advanceTo(at(130));
        assertThat(replay.generator.openAggregations())
                .extracting(OpenAggregation::accessType)
                .containsExactly(MailAccessType.SYNC);
        replay.flush();
        assertThat(replay.generator.openAggregations()).isEmpty();
    }
}
