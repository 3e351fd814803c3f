package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resolution's names survive the journal, and a resolution journaled before names were still reads. */
class ResolveCodecTest {
    private static final Instant AT = Instant.parse("2026-03-03T12:00:00Z");

    @Test
    void namesRoundTrip() throws Exception {
        PipelineEntry.Resolve resolve = new PipelineEntry.Resolve(
                AT,
                List.of(
                        new ItemRef("<one@contoso.com>", "alice/INBOX;uidvalidity=7;uid=1", 4096L, "Grüße"),
                        new ItemRef(null, "alice/INBOX;uidvalidity=7;uid=2", null, "no id")));
        byte[] payload = PipelineEntry.encodeAll(List.of(resolve)).getFirst();
        assertThat(PipelineEntry.decode(payload, new AccessEventReader())).isEqualTo(resolve);
    }

    @Test
    void aResolutionWithoutNamesIsTheOldForm() throws Exception {
        byte[] old = ByteBuffer.allocate(9)
                .put(PipelineEntry.RESOLVE)
                .putLong(AT.toEpochMilli())
                .array();
        assertThat(PipelineEntry.encodeAll(List.of(new PipelineEntry.Resolve(AT)))
                        .getFirst())
                .isEqualTo(old);
        assertThat(PipelineEntry.decode(old, new AccessEventReader()))
                .isEqualTo(new PipelineEntry.Resolve(AT, List.of()));
    }

    @Test
    void aResolutionCutShortIsAnError() {
        byte[] payload = PipelineEntry.encodeAll(List.of(new PipelineEntry.Resolve(
                        AT, List.of(new ItemRef("<one@contoso.com>", "alice/INBOX;uidvalidity=7;uid=1", 1L, null)))))
                .getFirst();
        assertThatThrownBy(
                        () -> PipelineEntry.decode(Arrays.copyOf(payload, payload.length - 3), new AccessEventReader()))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void anItemIdIsReadAsItsFolderAndUid() {
        assertThat(IntentNaming.parse("alice", "alice/Archive;2026;uidvalidity=7;uid=42"))
                .isEqualTo(new IntentNamer.Unnamed(
                        "alice", "Archive;2026", 7, 42, "alice/Archive;2026;uidvalidity=7;uid=42"));
        assertThat(IntentNaming.parse("alice", "alice/INBOX;uidvalidity=7;seq=3"))
                .isNull();
        assertThat(IntentNaming.parse("alice", "alice/INBOX;uidl=abc")).isNull();
    }
}
