package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapRequest.Command;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command lines the captured clients sent (docs/imap-client-behaviour.md), each read at every split. */
class ClientCorpusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "1 AUTHENTICATE PLAIN YWxpY2UAYWxpY2UAcHc= | 1 | AUTHENTICATE | PLAIN,YWxpY2UAYWxpY2UAcHc=",
                "2 COMPRESS DEFLATE | 2 | COMPRESS | DEFLATE",
                "3 NAMESPACE | 3 | NAMESPACE | ``",
                "4 LIST \"\" \"*\" | 4 | LIST | \"\",\"*\"",
                "5 SELECT \"Shared/bob/Projects\" | 5 | SELECT | \"Shared/bob/Projects\"",
                "6 UID FETCH 1:14 (UID FLAGS) | 6 | UID FETCH | 1:14,(UID FLAGS)",
                "7 UID FETCH 16 (BODY.PEEK[]) | 7 | UID FETCH | 16,(BODY.PEEK[])",
                "1 ID (\"name\" \"OfflineIMAP\" \"version\" \"8.0.0\") | 1 | ID"
                        + " | (\"name\" \"OfflineIMAP\" \"version\" \"8.0.0\")",
                "5 EXAMINE Finance | 5 | EXAMINE | Finance",
                "6 FETCH 1:* (FLAGS UID INTERNALDATE) | 6 | FETCH | 1:*,(FLAGS UID INTERNALDATE)",
                "A0001 LOGIN \"alice\" \"secret\" | A0001 | LOGIN | \"alice\",\"secret\"",
                "A0003 SEARCH UNSEEN UNDELETED | A0003 | SEARCH | UNSEEN,UNDELETED",
                "A0004 FETCH 1:15 RFC822.SIZE | A0004 | FETCH | 1:15,RFC822.SIZE",
                "A0005 FETCH 3 RFC822.HEADER | A0005 | FETCH | 3,RFC822.HEADER",
                "A0006 FETCH 3 BODY.PEEK[TEXT] | A0006 | FETCH | 3,BODY.PEEK[TEXT]",
                "A0007 STORE 3 +FLAGS (\\Seen) | A0007 | STORE | 3,+FLAGS,(\\Seen)",
                "a0001 ENABLE UTF8=ACCEPT | a0001 | ENABLE | UTF8=ACCEPT",
                "a0003 MYRIGHTS \"INBOX\" | a0003 | MYRIGHTS | \"INBOX\"",
                "a0004 STATUS \"Drafts\" (MESSAGES) | a0004 | STATUS | \"Drafts\",(MESSAGES)",
                "a0006 FETCH 1:15 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (DATE FROM SENDER"
                        + " SUBJECT TO CC MESSAGE-ID REFERENCES CONTENT-TYPE CONTENT-DESCRIPTION IN-REPLY-TO REPLY-TO"
                        + " LINES LIST-POST X-LABEL)]) | a0006 | FETCH | 1:15,(UID FLAGS INTERNALDATE RFC822.SIZE"
                        + " BODY.PEEK[HEADER.FIELDS (DATE FROM SENDER SUBJECT TO CC MESSAGE-ID REFERENCES CONTENT-TYPE"
                        + " CONTENT-DESCRIPTION IN-REPLY-TO REPLY-TO LINES LIST-POST X-LABEL)])",
                "a0007 UID FETCH 3 BODY.PEEK[] | a0007 | UID FETCH | 3,BODY.PEEK[]",
                "a0008 UID STORE 1:2,4:15 +FLAGS.SILENT (Old) | a0008 | UID STORE | 1:2,4:15,+FLAGS.SILENT,(Old)",
                "a0009 CLOSE | a0009 | CLOSE | ``",
                "a0010 LOGOUT | a0010 | LOGOUT | ``",
                "CFLK1 CAPABILITY | CFLK1 | CAPABILITY | ``",
                "CFLK2 LOGIN alice \"secret\" | CFLK2 | LOGIN | alice,\"secret\"",
                "CFLK4 FETCH 1:* (BODY.PEEK[]) | CFLK4 | FETCH | 1:*,(BODY.PEEK[])",
                "A002 LIST \"\" * | A002 | LIST | \"\",*",
                "A003 LIST \"INBOX\" * | A003 | LIST | \"INBOX\",*",
                "A004 UID FETCH 3 BODY[] | A004 | UID FETCH | 3,BODY[]",
                "A004 UID FETCH 4 BODY[HEADER] | A004 | UID FETCH | 4,BODY[HEADER]",
                "A003 FETCH 2 BODY[] | A003 | FETCH | 2,BODY[]",
                "A003 SEARCH UNSEEN | A003 | SEARCH | UNSEEN",
                "1 LOGIN alice*auditor \"secret\" | 1 | LOGIN | alice*auditor,\"secret\"",
                "2 GETACL INBOX | 2 | GETACL | INBOX",
            })
    void readsEveryCapturedClientCommand(String line, String tag, String name, String args) {
        List<ImapRequest> out = ImapRequestDecoderTest.decode(line + "\r\n");
        assertThat(out).hasSize(1);
        Command c = (Command) out.get(0);
        assertThat(c.tag()).isEqualTo(tag);
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.arguments().stream().map(ClientCorpusTest::render).collect(Collectors.joining(",")))
                .isEqualTo(args);
    }

    static String render(ImapToken t) {
        return switch (t) {
            case ImapToken.Atom a -> a.text();
            case ImapToken.Quoted q -> "\"" + q.text() + "\"";
            case ImapToken.Literal l -> "{" + l.size() + "}";
            case ImapToken.ParenList p ->
                p.items().stream().map(ClientCorpusTest::render).collect(Collectors.joining(" ", "(", ")"));
        };
    }
}
