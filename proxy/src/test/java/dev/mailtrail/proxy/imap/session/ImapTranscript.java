package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapRequestDecoder;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.MessageLookup;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a transcript (James mpt style): {@code C:} lines through the request decoder, {@code S:} lines through the
 * response scanner, both into one auditor; {@code # +500ms} advances the clock; {@code E:} lines are the expected
 * events. {@code {msg:N}}, {@code {hdr:N}} and {@code {text:N}} stand for literals of generated message N.
 */
final class ImapTranscript {

    private static final Pattern LITERAL = Pattern.compile("\\{(msg|hdr|text):(\\d+)\\}");
    private static final Pattern ADVANCE = Pattern.compile("#\\s*\\+(\\d+)(ms|s)\\s*");

    final List<String> expected = new ArrayList<>();
    final RecordingSink sink = new RecordingSink();
    final TestClock clock = new TestClock();
    private final ImapSessionAuditor auditor;
    private final ImapRequestDecoder decoder = new ImapRequestDecoder(65_536, 1 << 20);
    private final ImapResponseScanner scanner = new ImapResponseScanner(65_536, 4096);

    private final MessageIdentityResolver identities;

    ImapTranscript(DownloadActivity shared, String sessionId) {
        this(shared, sessionId, new RememberingIdentityResolver(10_000));
    }

    ImapTranscript(DownloadActivity shared, String sessionId, MessageIdentityResolver identities) {
        this.identities = identities;
        this.auditor = new ImapSessionAuditor(
                ImapAuditConfig.DEFAULTS, sessionId, "203.0.113.7", clock, sink, shared, identities);
    }

    static DownloadActivity activity() {
        return new DownloadActivity(DownloadRuleConfig.DEFAULTS, 10_000);
    }

    void run(List<String> lines) {
        for (String line : lines) {
            Matcher advance = ADVANCE.matcher(line);
            if (advance.matches()) {
                long n = Long.parseLong(advance.group(1));
                clock.advance(advance.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n));
            } else if (line.startsWith("C: ")) {
                for (ImapRequest r : decoder.feed(bytes(line.substring(3)))) {
                    // as the proxy does: the messages a command touches are named before the server gets it
                    MessageLookup lookup = r instanceof ImapRequest.Command c ? auditor.namingNeeded(c) : null;
                    if (lookup != null) {
                        auditor.lookedUp(
                                lookup,
                                identities
                                        .prefetch(lookup.folder(), lookup.selection())
                                        .toCompletableFuture()
                                        .join());
                    }
                    auditor.onRequest(r);
                }
            } else if (line.startsWith("S: ")) {
                for (ImapResponse r : scanner.feed(bytes(line.substring(3)))) {
                    if (r instanceof ImapResponse.Tagged t) {
                        decoder.serverCompleted(t.tag());
                    }
                    auditor.onResponse(r);
                }
            } else if (line.startsWith("E: ")) {
                expected.add(line.substring(3));
            }
        }
        auditor.close();
    }

    ImapSessionAuditor auditor() {
        return auditor;
    }

    private static ByteBuffer bytes(String line) {
        Matcher m = LITERAL.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String content = message(m.group(1), m.group(2));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            "{" + content.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + content));
        }
        m.appendTail(out);
        return ByteBuffer.wrap((out + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static String message(String part, String n) {
        String headers = "Message-ID: <m" + n + "@contoso.test>\r\nSubject: Message " + n + "\r\n\r\n";
        String text = "Body of message " + n + ".\r\n";
        return switch (part) {
            case "hdr" -> headers;
            case "text" -> text;
            default -> headers + text;
        };
    }
}
