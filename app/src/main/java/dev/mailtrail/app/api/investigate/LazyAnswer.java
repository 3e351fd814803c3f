package dev.mailtrail.app.api.investigate;

import dev.mailtrail.app.api.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An answer whose status line goes out with its first byte: a search that refuses its parameters before writing
 * anything can still answer 400 instead of a 200 already sent.
 */
final class LazyAnswer extends OutputStream {
    private final ApiResponse response;
    private final int status;
    private final String contentType;
    private OutputStream out;

    LazyAnswer(ApiResponse response, int status, String contentType) {
        this.response = response;
        this.status = status;
        this.contentType = contentType;
    }

    boolean started() {
        return out != null;
    }

    private OutputStream out() {
        if (out == null) {
            out = response.stream(status, contentType);
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
