package dev.mailtrail.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's static files (HTML, ES modules, CSS, images) from the class path. A request path is looked up only
 * when every segment is a plain file or folder name and the file's extension has a known media type: no {@code ..},
 * no hidden files, no backslashes or escapes, no class files or other resources of the application. The empty path
 * is {@code index.html}, the single page that routes by the URL's fragment.
 */
public final class ConsoleAssets {
    /** Where the console's files sit on the class path. */
    public static final String ROOT = "dev/mailtrail/app/console/assets/";

    /**
     * The list of the console's files, one path a line: a server whose routes are exact paths registers one per
     * file. A test holds it equal to the folder.
     */
    public static final String LIST = "dev/mailtrail/app/console/assets.list";

    /**
     * The files are not named by version, so a browser asks again each time ({@code no-cache}) and is answered 304
     * when its copy's ETag still matches: an upgraded server never mixes old and new modules in one page.
     */
    public static final String CACHE_CONTROL = "no-cache";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final int MAX_PATH = 512;
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    /**
     * One file of the console.
     *
     * @param etag a strong entity tag of the content (quoted, as the header carries it)
     */
    public record Asset(String path, byte[] bytes, String contentType, String etag) {
        public Asset {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public String cacheControl() {
            return CACHE_CONTROL;
        }

        /** Whether a request's {@code If-None-Match} names this content, so a 304 answers it. */
        public boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null) {
                return false;
            }
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    ConsoleAssets(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The paths of every file of the console, as {@link #find} takes them. */
    public List<String> paths() {
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the application has no " + LIST);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + LIST + " from the application", e);
        }
    }

    /** The console shipped in the application's resources. */
    public static ConsoleAssets fromClassPath() {
        return new ConsoleAssets(ConsoleAssets.class.getClassLoader(), ROOT);
    }

    /**
     * The file at {@code path}, relative to the console's folder ({@code "js/api.js"}; {@code ""} or {@code "/"} for
     * the page itself); empty when there is none or the path is not one the console could have.
     */
    public Optional<Asset> find(String path) {
        String relative = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        Optional<String> type = acceptable(relative);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<Asset> known = loaded.get(relative);
        if (known != null) {
            return known;
        }
        // only files that exist are remembered: paths that name nothing cannot fill the memory
        Optional<Asset> found = load(relative, type.get());
        found.ifPresent(asset -> loaded.putIfAbsent(asset.path(), found));
        return found;
    }

    private static Optional<String> acceptable(String relative) {
        if (relative.length() > MAX_PATH) {
            return Optional.empty();
        }
        String[] segments = relative.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return Optional.empty();
            }
        }
        String file = segments[segments.length - 1];
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(MEDIA_TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private Optional<Asset> load(String relative, String contentType) {
        try (InputStream in = loader.getResourceAsStream(root + relative)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(relative, bytes, contentType, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the console's " + relative + " from the application", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
