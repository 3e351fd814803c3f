package dev.mailtrail.bench.scale;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/** Latencies of a search run many times after a warm-up, sorted, in milliseconds. */
public record Latency(double[] sortedMillis) {
    /** One run of the search; whatever it finds is read in full, as a responder's client would. */
    public interface Probe {
        void run() throws IOException;
    }

    public static Latency of(int samples, Probe probe) throws IOException {
        for (int i = 0; i < Math.min(20, samples); i++) {
            probe.run();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            probe.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return new Latency(millis);
    }

    public double p50() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length / 2];
    }

    public double p99() {
        return sortedMillis.length == 0
                ? Double.NaN
                : sortedMillis[Math.min(sortedMillis.length - 1, (int) Math.ceil(sortedMillis.length * 0.99) - 1)];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f/%.2f", p50(), p99());
    }
}
