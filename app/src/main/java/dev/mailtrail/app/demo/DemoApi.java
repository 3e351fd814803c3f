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
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.TlsFiles;
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
    public static DemoApi start(AuditPipeline pipeline, DemoCertificate certificate, int port, Clock clock)
            throws ApiStartException, IOException {
        return start(pipeline, certificate, port, clock, MetricsEndpoint.MINIMAL);
    }

    /** As {@link #start(AuditPipeline, DemoCertificate, int, Clock)}, {@code /metrics} from {@code metrics}. */
    public static DemoApi start(
            AuditPipeline pipeline,
            DemoCertificate certificate,
            int port,
            Clock clock,
            java.util.function.Supplier<String> metrics)
            throws ApiStartException, IOException {
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
        TlsFiles tls = new TlsFiles(certificate.certificate(), certificate.privateKey());
        MailTrailApi api;
        try {
            api = MailTrailApi.start(
                    new InetSocketAddress(RunningDemo.HOST, port != 0 && free(port) ? port : 0),
                    tls,
                    pipeline,
                    clock,
                    metrics);
        } catch (ApiStartException e) {
            // taken between the look and the bind: any free port will do for a demo
            api = MailTrailApi.start(new InetSocketAddress(RunningDemo.HOST, 0), tls, pipeline, clock, metrics);
        }
        return new DemoApi(api, sensor.bearer(), certificate);
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
