package dev.mailtrail.proxy.managesieve.codec;

import java.util.List;

/** What {@link SieveResponseScanner} recognises in ManageSieve server output. */
public sealed interface SieveResponse {

    /** The three ways a response ends (RFC 5804 §1.2). */
    enum Status {
        OK,
        NO,
        BYE
    }

    /**
     * A line before the final answer: a capability ({@code "SIEVE" "fileinto …"}), a script in a listing
     * ({@code "name" ACTIVE}) or a script's text (a literal, kept up to the capture bound: {@code truncated}).
     */
    record Data(List<String> words, boolean truncated) implements SieveResponse {
        public Data {
            words = List.copyOf(words);
        }
    }

    /** A SASL challenge during AUTHENTICATE (a string; the client answers with one). */
    record Continuation(String challenge) implements SieveResponse {}

    /** The end of a response: {@code OK}, {@code NO} or {@code BYE}, its response code ({@code QUOTA/MAXSIZE}) and text. */
    record Final(Status status, String code, String text) implements SieveResponse {}

    /** A line the scanner could not read (over-long, broken string); passed on, never understood. */
    record Unreadable(String reason) implements SieveResponse {}
}
