package dev.mailtrail.demo.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCorpusTest {
    private final List<SeedMessage> corpus = DemoCorpus.messages();

    @Test
    void theCorpusIsTheSameBytesOnEveryRun() {
        List<SeedMessage> again = DemoCorpus.messages();
        assertThat(again).hasSameSizeAs(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(again.get(i).rfc5322()).isEqualTo(corpus.get(i).rfc5322());
            assertThat(again.get(i).received()).isEqualTo(corpus.get(i).received());
        }
    }

    @Test
    void aliceHoldsAtLeastThirtyMessagesAcrossInboxFinanceAndSent() {
        List<SeedMessage> alice =
                corpus.stream().filter(m -> m.owner().equals("alice@demo.test")).toList();
        assertThat(alice).hasSizeGreaterThanOrEqualTo(30);
        assertThat(alice).extracting(SeedMessage::folder).contains("INBOX", "Finance", "Sent");
        assertThat(DemoCorpus.folders(corpus, "alice@demo.test")).containsExactly("INBOX", "Finance", "Sent");
        assertThat(alice.stream().filter(m -> m.text().contains("Content-Type: application/pdf")))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(alice.stream().filter(m -> m.text().contains("Content-Type: application/zip")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(alice.stream().filter(m -> m.text().contains("multipart/alternative")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(alice.stream().filter(m -> m.size() > 100_000)).isNotEmpty();
    }

    @Test
    void bobAndMalloryHaveMessagesToo() {
        assertThat(corpus.stream().filter(m -> m.owner().equals("bob@demo.test")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(corpus.stream().filter(m -> m.owner().equals("mallory@demo.test")))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyMessageIsWellFormedRfc5322() {
        Set<String> ids = new HashSet<>();
        for (SeedMessage message : corpus) {
            String text = message.text();
            String header = text.substring(0, text.indexOf("\r\n\r\n"));
            assertThat(header)
                    .as("%s", message)
                    .contains("Message-ID: " + message.messageId(), "\r\nDate: ", "\r\nFrom: ", "\r\nTo: ")
                    .contains("\r\nSubject: " + message.subject(), "\r\nMIME-Version: 1.0");
            assertThat(text.replace("\r\n", ""))
                    .as("bare CR or LF in %s", message)
                    .doesNotContain("\r", "\n");
            assertThat(text.split("\r\n")).as("line length in %s", message).allSatisfy(line -> assertThat(line.length())
                    .isLessThanOrEqualTo(78));
            assertThat(ids.add(message.messageId())).as("unique %s", message).isTrue();
        }
    }
}
