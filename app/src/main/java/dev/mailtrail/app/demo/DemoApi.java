package dev.mailtrail.app.demo;

import dev.mailtrail.app.api.ApiStartException;
import dev.mailtrail.app.api.MailTrailApi;
import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.status.MetricsEndpoint;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * The demo's HTTPS API on https://localhost:8443 (any free port when that one is taken), with the demo certificate, a
 * responder account ({@link #USER}, {@link #PASSWORD}) and a sensor token made afresh at each start (a token's secret
 * is never kept, so the last one cannot be shown again).
 */
public final class DemoApi implements AutoCloseable {
    public static final int PORT = 8443;
    public static final String USER = "responder";
    public static final String PASSWORD = "mailtrail-demo";
    static final String SENSOR = "demo-sensor";

    private final MailTrailApi api;
    private final String sensorToken;
    private final DemoCertificate certificate;

    private DemoApi(MailTrailApi api, String sensorToken, DemoCertificate certificate) {
        this.api = api;
        this.sensorToken = sensorToken;
        this.certificate = certificate;
    }

    /** Starts the API on {@code port} of 127.0.0.1, or on a free port when it is taken (or 0). */
    public static DemoApi start(AuditBackend pipeline, DemoCertificate certificate, int port, Clock clock)
            throws ApiStartException, IOException {
        return start(pipeline, certificate, port, clock, MetricsEndpoint.MINIMAL);
    }

    /** As {@link #start(AuditBackend, DemoCertificate, int, Clock)}, {@code /metrics} from {@code metrics}. */
    public static DemoApi start(
            AuditBackend pipeline,
            DemoCertificate certificate,
            int port,
            Clock clock,
            java.util.function.Supplier<String> metrics)
            throws ApiStartException, IOException {
        Reservation reservation = reserve(pipeline, port != 0 && free(port) ? port : 0);
        TlsFiles tls = new TlsFiles(certificate.certificate(), certificate.privateKey());
        MailTrailApi api;
        try {
            api = MailTrailApi.start(
                    new InetSocketAddress(RunningDemo.HOST, reservation.port()), tls, pipeline, clock, metrics);
        } catch (ApiStartException e) {
            // taken between the look and the bind: any free port will do for a demo
            api = MailTrailApi.start(new InetSocketAddress(RunningDemo.HOST, 0), tls, pipeline, clock, metrics);
        }
        return new DemoApi(api, reservation.sensorToken(), certificate);
    }

    /**
     * The API's port and sensor token, fixed before the API starts, for what must be told them first: the native
     * sensor's Dovecot, whose exporter configuration names both.
     *
     * @param port the port the API will bind on 127.0.0.1 (0 in {@link #start(Reservation, AuditBackend,
     *     DemoCertificate, Clock, java.util.function.Supplier, ItemNamer)} would leave the exporter nowhere to post)
     * @param sensorToken the sensor token's bearer form, already in the data directory's access list
     */
    public record Reservation(int port, String sensorToken) {}

    /**
     * Makes a sensor token and the demo sign-in and writes them to the data directory's access list, and picks the
     * port: {@code port} when free, else any free one (0: any free one).
     */
    public static Reservation reserve(AuditBackend pipeline, int port) throws IOException {
        SecureRandom random = new SecureRandom();
        AccessFile access = new AccessFile(pipeline.directory());
        ApiToken.Issued sensor = ApiToken.issue(SENSOR, Set.of(Role.SENSOR), ManagementScope.ORGANIZATION, random);
        var list = access.current().with(sensor.token());
        if (list.account(USER).isEmpty()) {
            list = list.with(new Account(
                    USER,
                    new PasswordHash(random).hash(PASSWORD.toCharArray()),
                    Set.of(Role.AUDIT_LOGS, Role.AUDIT_CONFIGURATION, Role.MONITORING),
                    ManagementScope.ORGANIZATION));
        }
        access.write(list);
        int chosen = port != 0 && free(port) ? port : LoopbackPort.anyFree(RunningDemo.HOST);
        return new Reservation(chosen, sensor.bearer());
    }

    /**
     * Starts the API on the reserved port, which it must get: Dovecot's exporter already posts there. What Dovecot
     * posts is named by {@code dovecotNamer} (the master user's lookup).
     *
     * @throws ApiStartException when the port was taken since it was reserved
     */
    public static DemoApi start(
            Reservation reservation,
            AuditBackend pipeline,
            DemoCertificate certificate,
            Clock clock,
            java.util.function.Supplier<String> metrics,
            ItemNamer dovecotNamer)
            throws ApiStartException {
        MailTrailApi api = MailTrailApi.start(
                new InetSocketAddress(RunningDemo.HOST, reservation.port()),
                new TlsFiles(certificate.certificate(), certificate.privateKey()),
                pipeline,
                clock,
                metrics,
                dovecotNamer);
        return new DemoApi(api, reservation.sensorToken(), certificate);
    }

    private static boolean free(int port) {
        try {
            LoopbackPort.requireFree(RunningDemo.HOST, port, "the API");
            return true;
        } catch (LoopbackPort.PortUnavailableException e) {
            return false;
        }
    }

    public String url() {
        return "https://localhost:" + api.server().address().getPort();
    }

    public String sensorToken() {
        return sensorToken;
    }

    /** The banner's API section: where, who, and two commands to paste. */
    public String banner() {
        String cacert = "--cacert " + certificate.certificate();
        return """

                HTTPS API and sign-in: %1$s   (docs/api/openapi.yaml)
                  web console: %1$s/console/ (search, timeline, sessions, the scope of the attack, audit settings)
                  sign in as %2$s, password %3$s (Audit Logs, Audit Configuration, Monitoring)
                  sensor token (Sensor; made afresh at each start): %4$s
                  curl %5$s %1$s/api/v1/health
                  curl %5$s -H 'Authorization: Bearer %4$s' \\
                       --data-binary @examples/bec-story.jsonl %1$s/api/v1/events
                """.formatted(url(), USER, PASSWORD, sensorToken, cacert);
    }

    @Override
    public void close() throws IOException {
        api.close();
    }
}
