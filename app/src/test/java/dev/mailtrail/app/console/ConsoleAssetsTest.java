package dev.mailtrail.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleAssetsTest {
    private static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s*(?:\\(\\s*)?'(\\.{1,2}/[^']+)'");
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"");

    private final ConsoleAssets assets = ConsoleAssets.fromClassPath();

    @Test
    void theEmptyPathIsThePageItself() {
        ConsoleAssets.Asset page = assets.find("").orElseThrow();

        assertThat(page.path()).isEqualTo("index.html");
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(text(page)).contains("<script type=\"module\" src=\"js/main.js\"></script>");
        assertThat(assets.find("/")).contains(page);
    }

    @Test
    void eachFileHasTheMediaTypeABrowserRunsOrStylesItBy() {
        assertThat(assets.find("js/api.js").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(assets.find("css/console.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(assets.find("img/icon.svg").orElseThrow().contentType()).isEqualTo("image/svg+xml");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../ConsoleAssets.class",
                "js/../../ConsoleAssets.class",
                "js/../index.html",
                "./index.html",
                "..%2findex.html",
                "%2e%2e/index.html",
                "js\\api.js",
                "js//api.js",
                "js/",
                ".hidden.js",
                "index.html\u0000.js",
                "/etc/passwd",
                "ConsoleAssets.class",
                "../../../../dev/mailtrail/app/Mt.class",
                "META-INF/MANIFEST.MF",
                "js/api.js?x=1",
                "js/api.mjs.map",
                "js/missing.js"
            })
    void aPathOutsideTheConsoleOrNamingNothingFindsNothing(String path) {
        assertThat(assets.find(path)).isEmpty();
    }

    @Test
    void aLongPathIsRefusedUnread() {
        assertThat(assets.find("a/".repeat(300) + "x.js")).isEmpty();
    }

    @Test
    void theEntityTagFollowsTheContentAndAnswersConditionalRequests() {
        ConsoleAssets.Asset api = assets.find("js/api.js").orElseThrow();
        ConsoleAssets.Asset css = assets.find("css/console.css").orElseThrow();

        assertThat(api.etag()).matches("\"[0-9a-f]{32}\"").isNotEqualTo(css.etag());
        assertThat(ConsoleAssets.fromClassPath().find("js/api.js").orElseThrow().etag())
                .isEqualTo(api.etag());
        assertThat(api.matches(api.etag())).isTrue();
        assertThat(api.matches("W/" + api.etag())).isTrue();
        assertThat(api.matches("\"other\", " + api.etag())).isTrue();
        assertThat(api.matches("*")).isTrue();
        assertThat(api.matches(css.etag())).isFalse();
        assertThat(api.matches(null)).isFalse();
        assertThat(api.cacheControl()).isEqualTo("no-cache");
    }

    @Test
    void theBytesGivenOutCannotChangeTheFileServedNext() {
        byte[] bytes = assets.find("js/api.js").orElseThrow().bytes();
        bytes[0] = 'X';

        assertThat(assets.find("js/api.js").orElseThrow().bytes()[0]).isNotEqualTo((byte) 'X');
    }

    @Test
    void everyFileThePageOrAModuleLoadsIsServed() throws Exception {
        for (Path file : files()) {
            String relative = root().relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file);
            Pattern pattern = relative.endsWith(".html") ? REFERENCE : IMPORT;
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = Path.of(relative)
                        .resolveSibling(m.group(1))
                        .normalize()
                        .toString()
                        .replace('\\', '/');
                assertThat(assets.find(target))
                        .as(relative + " loads " + m.group(1))
                        .isPresent();
            }
            assertThat(assets.find(relative)).as(relative).isPresent();
        }
    }

    @Test
    void theListNamesEveryFileOfTheConsoleAndEachIsFound() throws Exception {
        Path root = root();
        List<String> inFolder = files(root).stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .sorted()
                .toList();

        assertThat(assets.paths()).containsExactlyInAnyOrderElementsOf(inFolder);
        assertThat(assets.paths()).allSatisfy(p -> assertThat(assets.find(p)).isPresent());
    }

    /** The API's Content-Security-Policy allows only MailTrail's own files: nothing inline, nothing from elsewhere. */
    @Test
    void nothingIsInlineOrFetchedFromElsewhere() throws Exception {
        for (Path file : files()) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContainPattern("(?i)https?://(?!www\\.w3\\.org/2000/svg)");
            if (file.toString().endsWith(".html")) {
                assertThat(text).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
                assertThat(text).doesNotContainPattern("(?i)\\sstyle=|\\son[a-z]+=");
                assertThat(text).doesNotContain("<style");
            }
            if (file.toString().endsWith(".js")) {
                // values from records become text nodes, never markup
                assertThat(text)
                        .doesNotContain("innerHTML")
                        .doesNotContain("outerHTML")
                        .doesNotContain("eval(");
            }
        }
    }

    private static String text(ConsoleAssets.Asset asset) {
        return new String(asset.bytes(), StandardCharsets.UTF_8);
    }

    private static Path root() throws URISyntaxException {
        return Path.of(ConsoleAssets.class
                .getClassLoader()
                .getResource(ConsoleAssets.ROOT)
                .toURI());
    }

    private static List<Path> files() throws IOException, URISyntaxException {
        return files(root());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).hasSizeGreaterThan(5);
            return files;
        }
    }
}
