package dev.mailtrail.app.api.console;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.console.ConsoleAssets;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The console's files on the API's server, beside the API rather than in its route table (they are no API
 * operation): {@code /} and {@code /console} lead to {@code /console/}, the page; {@code /console/PATH} is a file of
 * the console with its media type and entity tag, 304 when the browser's copy is current. Public: the sign-in page
 * loads before anyone is signed in, and the files hold no data. The security headers every answer carries (the CSP
 * that allows only MailTrail's own files) stay; only the cache rule changes, from {@code no-store} to revalidation.
 */
public final class ConsoleFiles {
    public static final String PREFIX = "/console/";

    private final ConsoleAssets assets;

    public ConsoleFiles(ConsoleAssets assets) {
        this.assets = assets;
    }

    /** Whether {@code path} is the console's rather than the API's. */
    public boolean serves(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD"))
                && (path.equals("/") || path.equals("/console") || path.startsWith(PREFIX));
    }

    public void answer(String path, String ifNoneMatch, ApiResponse response) throws IOException, ApiException {
        if (!path.startsWith(PREFIX)) {
            response.header("Location", PREFIX);
            response.stream(303, "text/plain; charset=utf-8");
            return;
        }
        String relative = path.substring(PREFIX.length());
        ConsoleAssets.Asset asset = assets.find(relative)
                .orElseThrow(() -> new ApiException(404, "not_found", "the console has no file " + relative));
        response.header("Cache-Control", asset.cacheControl());
        response.header("ETag", asset.etag());
        if (asset.matches(ifNoneMatch)) {
            response.stream(304, asset.contentType());
            return;
        }
        OutputStream out = response.stream(200, asset.contentType());
        out.write(asset.bytes());
    }
}
