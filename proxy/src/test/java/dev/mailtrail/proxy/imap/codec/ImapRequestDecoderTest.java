package dev.mailtrail.proxy.imap.codec;

import static dev.mailtrail.proxy.imap.codec.Feeding.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapRequest.Command;
import dev.mailtrail.proxy.imap.codec.ImapRequest.Malformed;
import dev.mailtrail.proxy.imap.codec.ImapToken.Atom;
import dev.mailtrail.proxy.imap.codec.ImapToken.Literal;
import dev.mailtrail.proxy.imap.codec.ImapToken.ParenList;
import dev.mailtrail.proxy.imap.codec.ImapToken.Quoted;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapRequestDecoderTest {

    static List<ImapRequest> decode(String wire) {
        return Feeding.everySplit(() -> new ImapRequestDecoder(8192, 100_000_000L), d -> d::feed, ascii(wire));
    }

    static Command single(String wire) {
        List<ImapRequest> out = decode(wire);
        assertThat(out).hasSize(1).first().isInstanceOf(Command.class);
        return (Command) out.get(0);
    }

    static Atom atom(String s) {
        return new Atom(s);
    }

    @Test
    void readsTagUpperCasedNameAndAtomArguments() {
        Command c = single("a1 select INBOX\r\n");
        assertThat(c).isEqualTo(new Command("a1", "SELECT", List.of(atom("INBOX"))));
    }

    @Test
    void foldsUidPrefixIntoTheCommandName() {
        Command c = single("12 uid fetch 1:17 (UID FLAGS)\r\n");
        assertThat(c.name()).isEqualTo("UID FETCH");
        assertThat(c.arguments()).containsExactly(atom("1:17"), new ParenList(List.of(atom("UID"), atom("FLAGS"))));
    }

    @Test
    void keepsFetchSectionsWithSpacesInOneAtom() {
        Command c = single("a0005 FETCH 1:15 (UID FLAGS BODY.PEEK[HEADER.FIELDS (DATE FROM SUBJECT)]<0.2048>)\r\n");
        assertThat(((ParenList) c.arguments().get(1)).items())
                .containsExactly(
                        atom("UID"), atom("FLAGS"), atom("BODY.PEEK[HEADER.FIELDS (DATE FROM SUBJECT)]<0.2048>"));
    }

    @Test
    void undoesEscapesInQuotedStrings() {
        Command c = single("a LOGIN \"alice\" \"p\\\"w\\\\d\"\r\n");
        assertThat(c.arguments()).containsExactly(new Quoted("alice"), new Quoted("p\"w\\d"));
    }

    @Test
    void announcesASynchronisingLiteralThenReadsIt() {
        List<ImapRequest> out = decode("a LOGIN {5}\r\nalice {3}\r\npwd\r\n");
        assertThat(out)
                .containsExactly(
                        new ImapRequest.SynchronizingLiteral("a", "LOGIN", 5),
                        new ImapRequest.SynchronizingLiteral("a", "LOGIN", 3),
                        new Command(
                                "a",
                                "LOGIN",
                                List.of(
                                        new Literal(5, ascii("alice"), true, false),
                                        new Literal(3, ascii("pwd"), true, false))));
    }

    @Test
    void readsNonSynchronisingLiteralsWithoutAnnouncingThem() {
        Command c = single("s SEARCH CHARSET UTF-8 SUBJECT {4+}\r\nf\r\no UNSEEN\r\n");
        assertThat(c.arguments())
                .containsExactly(
                        atom("CHARSET"),
                        atom("UTF-8"),
                        atom("SUBJECT"),
                        new Literal(4, ascii("f\r\no"), false, false),
                        atom("UNSEEN"));
    }

    @Test
    void readsAppendWithFlagsDateAndLiteral() {
        String msg = "Subject: hi\r\n\r\nbody\r\n";
        Command c = single(
                "A3 APPEND Sent (\\Seen) \"25-Nov-2026 07:00:00 +0000\" {" + msg.length() + "+}\r\n" + msg + "\r\n");
        assertThat(c.name()).isEqualTo("APPEND");
        assertThat(c.arguments().get(3)).isEqualTo(new Literal(msg.length(), ascii(msg), false, false));
    }

    @Test
    void countsA50MegabyteAppendLiteralKeepingOnlyItsHead() {
        ImapRequestDecoder d = new ImapRequestDecoder(8192, 100_000_000L);
        int size = 50 * 1024 * 1024;
        assertThat(d.feed(ByteBuffer.wrap(ascii("A1 APPEND INBOX {" + size + "}\r\n"))))
                .containsExactly(new ImapRequest.SynchronizingLiteral("A1", "APPEND", size));
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        for (int sent = 0; sent < size; sent += chunk.capacity()) {
            assertThat(d.feed(chunk.clear())).isEmpty();
        }
        List<ImapRequest> out = d.feed(ByteBuffer.wrap(ascii("\r\n")));
        Literal lit = (Literal) ((Command) out.get(0)).arguments().get(1);
        assertThat(lit.size()).isEqualTo(size);
        assertThat(lit.streamed()).isTrue();
        assertThat(lit.data().length).isLessThanOrEqualTo(8192);
    }

    @Test
    void refusesALiteralOverTheBoundWithATag() {
        List<ImapRequest> out = decode("A1 APPEND INBOX {200000001}\r\nA2 NOOP\r\n");
        assertThat(out)
                .containsExactly(
                        new Malformed("A1", "literal of 200000001 bytes over the bound", true),
                        new Command("A2", "NOOP", List.of()));
    }

    @Test
    void refusesALargeLiteralOutsideAppend() {
        assertThat(decode("A1 LOGIN {9000}\r\n").get(0)).isInstanceOf(Malformed.class);
    }

    @Test
    void stopsForGoodOnANonSynchronisingLiteralOverTheBound() {
        ImapRequestDecoder d = new ImapRequestDecoder(64, 10);
        assertThat(d.feed(ByteBuffer.wrap(ascii("A1 APPEND INBOX {11+}\r\nA2 NOOP\r\n"))))
                .containsExactly(new Malformed("A1", "literal of 11 bytes over the bound", false));
        assertThat(d.failed()).isTrue();
        assertThat(d.feed(ByteBuffer.wrap(ascii("A3 NOOP\r\n")))).isEmpty();
    }

    @Test
    void refusesBareLfAndBareCrForGood() {
        assertThat(decode("a1 NOOP\na2 LOGOUT\r\n")).containsExactly(new Malformed("a1", "bare LF in line", false));
        assertThat(decode("a1 NOOP\ra2 LOGOUT\r\n")).containsExactly(new Malformed("a1", "bare CR in line", false));
    }

    @Test
    void refusesALineOverTheBound() {
        ImapRequestDecoder d = new ImapRequestDecoder(32, 10);
        List<ImapRequest> out = d.feed(ByteBuffer.wrap(ascii("a1 SELECT " + "x".repeat(40) + "\r\n")));
        assertThat(out).containsExactly(new Malformed("a1", "line longer than 32 bytes", false));
    }

    @Test
    void reportsSyntaxErrorsWithTheTagAndGoesOn() {
        assertThat(decode("a1 SELECT \"INBOX\r\na2 FETCH 1 (UID\r\n)\r\n+ x\r\na3 NOOP\r\n"))
                .containsExactly(
                        new Malformed("a1", "unterminated quoted string", true),
                        new Malformed("a2", "unbalanced '('", true),
                        new Malformed(null, "unbalanced ')'", true),
                        new Malformed(null, "bad tag", true),
                        new Command("a3", "NOOP", List.of()));
    }

    @Test
    void takesAuthenticateContinuationLinesAsResponsesNotCommands() {
        ImapRequestDecoder d = new ImapRequestDecoder(1024, 10);
        assertThat(d.feed(ByteBuffer.wrap(ascii("1 AUTHENTICATE PLAIN\r\nAGFsaWNlAHB3\r\n"))))
                .containsExactly(
                        new Command("1", "AUTHENTICATE", List.of(atom("PLAIN"))),
                        new ImapRequest.AuthenticateResponse("1", "AGFsaWNlAHB3"));
        d.serverCompleted("1");
        assertThat(d.feed(ByteBuffer.wrap(ascii("2 CAPABILITY\r\n"))))
                .containsExactly(new Command("2", "CAPABILITY", List.of()));
    }

    @Test
    void readsSaslInitialResponseAsAnArgument() {
        assertThat(single("a0000 AUTHENTICATE PLAIN YWxpY2UAYWxpY2UAcHc=\r\n").arguments())
                .containsExactly(atom("PLAIN"), atom("YWxpY2UAYWxpY2UAcHc="));
    }

    @Test
    void endsIdleOnDoneAndNotAsACommand() {
        assertThat(decode("i IDLE\r\nDONE\r\nj NOOP\r\n"))
                .containsExactly(
                        new Command("i", "IDLE", List.of()),
                        new ImapRequest.IdleDone("i"),
                        new Command("j", "NOOP", List.of()));
    }

    @Test
    void dropsACommandWhoseSynchronisingLiteralTheServerRefused() {
        ImapRequestDecoder d = new ImapRequestDecoder(1024, 100);
        d.feed(ByteBuffer.wrap(ascii("a LOGIN {5}\r\n")));
        d.serverCompleted("a");
        assertThat(d.feed(ByteBuffer.wrap(ascii("b NOOP\r\n")))).containsExactly(new Command("b", "NOOP", List.of()));
    }

    @Test
    void readsBinaryLiteralsInAppend() {
        Command c = single("b APPEND INBOX ~{3+}\r\na\0b\r\n");
        assertThat(c.arguments()).containsExactly(atom("INBOX"), new Literal(3, new byte[] {'a', 0, 'b'}, false, true));
    }

    @Test
    void streamsANonSynchronisingAppendLiteralOverTheLineBudget() {
        String msg = "x".repeat(100);
        List<ImapRequest> out = Feeding.everySplit(
                () -> new ImapRequestDecoder(32, 1000),
                d -> d::feed,
                ascii("a APPEND INBOX {100+}\r\n" + msg + "\r\n"));
        Literal lit = (Literal) ((Command) out.get(0)).arguments().get(1);
        assertThat(lit.streamed()).isTrue();
        assertThat(lit.size()).isEqualTo(100);
    }
}
