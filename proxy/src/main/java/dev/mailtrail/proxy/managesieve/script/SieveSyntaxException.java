package dev.mailtrail.proxy.managesieve.script;

/** A Sieve script that cannot be read, with the line where reading stopped. */
public final class SieveSyntaxException extends Exception {
    public SieveSyntaxException(String problem, int line) {
        super("line " + line + ": " + problem, null, false, false);
    }
}
