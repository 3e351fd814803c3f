package dev.mailtrail.proxy.config;

/**
 * A configuration file the proxy cannot use; the message reads {@code FILE:LINE: key "name": what was wrong}, or
 * without key or line where there is none.
 */
public final class ProxyConfigException extends Exception {

    private final int line;
    private final String key;

    public ProxyConfigException(String source, int line, String key, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (key == null ? "" : "key \"" + key + "\": ") + problem);
        this.line = line;
        this.key = key;
    }

    /** The line of the file, 1-based; 0 when the problem has no single line. */
    public int line() {
        return line;
    }

    /** The key concerned, or null. */
    public String key() {
        return key;
    }
}
