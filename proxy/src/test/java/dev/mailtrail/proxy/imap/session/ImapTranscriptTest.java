package dev.mailtrail.proxy.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapTranscriptTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mutt-read-one.txt",
                "pipelined-login-select-fetch.txt",
                "mbsync-full-sync.txt",
                "offlineimap-full-sync.txt",
                "fetchmail-imap.txt",
                "curl-fetch-uid.txt",
                "imaplib-fetch-all.txt",
                "master-user-login.txt",
                "shared-folder-read.txt",
                "shared-folder-read-without-namespace.txt",
                "delete-expunge.txt",
                "move-to-trash.txt",
                "setacl.txt",
                "search.txt",
                "failed-login.txt",
                "fetch-answered-no.txt",
                "mutt-paging.txt",
                "mutt-held-key.txt",
                "sync-episode-ends.txt",
                "pipelined-select-fetch.txt",
                "thunderbird-autosync.txt",
                "thunderbird-new-mail-offline.txt",
                "thunderbird-online-read.txt",
                "thunderbird-new-mail-then-read.txt",
                "snippet-preview.txt",
                "qresync-vanished.txt",
                "unauthenticate.txt"
            })
    void transcriptProducesExactlyTheExpectedEvents(String name) throws IOException {
        ImapTranscript t = new ImapTranscript(ImapTranscript.activity(), "s1");
        t.run(read(name));
        assertThat(t.sink.lines()).as(name).containsExactlyElementsOf(t.expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "named-delete-expunge.txt",
                "named-close.txt",
                "named-move-then-purge.txt",
                "named-body-part-read.txt",
                "named-lookup-failed.txt"
            })
    void withALookupEveryItemIsNamedWithItsSubjectAndSize(String name) throws IOException {
        List<String> lines = read(name);
        TranscriptLookup lookup = new TranscriptLookup(lines);
        ImapTranscript t = new ImapTranscript(ImapTranscript.activity(), "s1", lookup);
        t.run(lines);
        assertThat(t.sink.lines()).as(name).containsExactlyElementsOf(t.expected);
        t.sink.events.stream()
                .flatMap(e -> e.items().stream())
                .filter(i -> i.internetMessageId() != null)
                .forEach(i -> {
                    assertThat(i.subject()).as(i.id()).startsWith("Message ");
                    assertThat(i.sizeInBytes()).as(i.id()).isNotNull();
                });
    }

    static List<String> read(String name) throws IOException {
        try (InputStream in = ImapTranscriptTest.class.getResourceAsStream("/transcripts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
