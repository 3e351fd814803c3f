package dev.mailtrail.sensor.dovecot;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What Dovecot's {@code http-post} event exporter sends, as a receiver on a free loopback port sees it: every POST
 * body with the request's Authorization header. Stands in for MailTrail's API endpoint in the tests.
 */
final class EventCollector implements AutoCloseable {

    /** One POST as received. */
    record Post(String path, String authorization, String contentType, String body) {}

    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();

    EventCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (posts) {
                    posts.add(new Post(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            body));
                    posts.notifyAll();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to give {@code transport_args}, with {@code userInfo} ("user:secret@") or "" before the host. */
    String url(String userInfo, String path) {
        return "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** The bodies received so far, one JSON event each. */
    List<String> bodies() {
        return posts().stream().map(Post::body).toList();
    }

    /** Waits until some body matches (Dovecot posts after the fact, from its stats process), or fails. */
    void await(Predicate<String> body, Duration timeout) throws InterruptedException {
        await(body, timeout, 0);
    }

    /** As {@link #await(Predicate, Duration)}, among the bodies after the first {@code from}. */
    void await(Predicate<String> body, Duration timeout, int from) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (posts) {
            while (posts.subList(Math.min(from, posts.size()), posts.size()).stream()
                    .map(Post::body)
                    .noneMatch(body)) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no event matched within " + timeout + "; received " + posts.size());
                }
                posts.wait(left);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
