package dev.mailtrail.bench;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.generate.IdSource;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.RecordSink;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through {@link RecordGenerator} on one thread, as {@code mt replay} drives it: the clock
 * moves to each event's time, records go to a sink that only counts them. One operation is one event; an
 * invocation replays the whole pre-generated {@link AccessMix} (about 80 minutes of an organisation's traffic)
 * through a fresh generator and flushes it. {@code traffic}: {@code bursty} is how people read mail, {@code
 * uniform} the worst case for caches; {@code throttling}: the organisation's MailItemsAccessed throttling.
 * Run: {@code java -jar bench/target/benchmarks.jar RecordGenerator}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RecordGeneratorBenchmark {
    static final int EVENTS = 500_000;
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Param({"bursty", "uniform"})
    public String traffic;

    @Param({"off", "exchange"})
    public String throttling;

    private AuditEvent[] events;
    private ThrottlingMode mode;

    /** Counts what it is given and keeps nothing. */
    static final class CountingSink implements RecordSink {
        long records;

        @Override
        public void accept(AuditRecord record) {
            records++;
        }
    }

    @Setup(Level.Trial)
    public void generate() {
        events = AccessMix.generate(AccessMix.Traffic.valueOf(traffic.toUpperCase(Locale.ROOT)), EVENTS, 2026, START);
        mode = ThrottlingMode.parse(throttling).orElseThrow();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replay() {
        ReplayClock clock = new ReplayClock(START);
        AuditConfiguration configuration =
                new AuditConfiguration(OrganizationConfig.defaults().withThrottling(mode));
        CountingSink sink = new CountingSink();
        RecordGenerator generator = new RecordGenerator(configuration, clock, sink, IdSource.random());
        for (AuditEvent event : events) {
            clock.advanceTo(event.time());
            generator.accept(event);
        }
        generator.flush();
        return sink.records;
    }
}
