package dev.mailtrail.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;

/**
 * The answer an endpoint writes: a JSON value ({@link #json}), or a stream of any length ({@link #stream}) written as
 * it is made, so that an export of millions of records never sits in memory. The server closes the stream after the
 * endpoint returns.
 */
public final class ApiResponse {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Response response;
    private OutputStream out;

    ApiResponse(Response response) {
        this.response = response;
    }

    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Adds a {@code Set-Cookie} header as given. */
    public void setCookie(String value) {
        response.getHeaders().add("Set-Cookie", value);
    }

    /** Answers {@code status} with {@code body} (a record, map, list or Jackson tree) as JSON. */
    public void json(int status, Object body) throws IOException {
        OutputStream stream = stream(status, "application/json");
        JSON.writeValue(new NonClosing(stream), body);
    }

    /** Starts an answer of {@code status} and content type; what is written goes out as it is written. */
    public OutputStream stream(int status, String contentType) {
        if (out != null) {
            throw new IllegalStateException("the answer was already started");
        }
        response.setStatus(status);
        response.getHeaders().put("Content-Type", contentType);
        out = Content.Sink.asOutputStream(response);
        return out;
    }

    boolean started() {
        return out != null;
    }

    void finish() throws IOException {
        if (out == null) {
            response.setStatus(204);
            out = Content.Sink.asOutputStream(response);
        }
        out.close();
    }

    /** Jackson closes what it writes to; the server closes the answer itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
