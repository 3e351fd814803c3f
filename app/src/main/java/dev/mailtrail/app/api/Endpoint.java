package dev.mailtrail.app.api;

import java.io.IOException;

/**
 * One API operation. It runs on a server thread and may block (read the body, wait for the journal, stream a large
 * answer); by the time it runs the caller is authenticated and holds the route's {@link Guard}, so {@link
 * ApiRequest#principal()} is set for every guarded route. What a user did wrong is an {@link ApiException}, answered
 * as a JSON error; anything else is a bug, answered 500 and logged.
 */
@FunctionalInterface
public interface Endpoint {
    void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException;
}
