package dev.mailtrail.app.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a started {@code mt serve} prints, read as it comes: every line kept for a failure's message, and the moment
 * it says it is up ("Stop with …", the banner's last line) — or ends before that — awaited.
 */
public final class ServeOutput {
    private final StringBuffer printed = new StringBuffer();
    private final CountDownLatch up = new CountDownLatch(1);
    private final Thread reader;

    private ServeOutput(Process process) {
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    printed.append(line).append('\n');
                    if (line.startsWith("Stop with")) {
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                printed.append(e);
            } finally {
                up.countDown();
            }
        });
    }

    /** Starts reading {@code process}'s standard output. */
    public static ServeOutput of(Process process) {
        return new ServeOutput(process);
    }

    /** Waits until the process said it is up or ended; false when neither happened in time. */
    public boolean awaitUp(long seconds) throws InterruptedException {
        return up.await(seconds, TimeUnit.SECONDS);
    }

    /** Everything printed so far. */
    public String printed() {
        return printed.toString();
    }

    /** Waits for the process's output to end (after the process was stopped). */
    public void join(long millis) throws InterruptedException {
        reader.join(millis);
    }
}
