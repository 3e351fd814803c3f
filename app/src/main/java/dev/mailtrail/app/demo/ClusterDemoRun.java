package dev.mailtrail.app.demo;

import dev.mailtrail.app.cluster.ClusterSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code mt demo --cluster}: starts the services and the demo, prints the banner, and stops all on Ctrl-C. */
final class ClusterDemoRun {
    private ClusterDemoRun() {}

    static int run(DemoOptions options, int apiPort, PrintWriter out, PrintWriter err) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        err.println("mt demo: starting a Kafka broker and an OpenSearch node under " + options.data()
                + " (a minute or so)…");
        err.flush();
        ClusterDemo demo;
        try {
            dev.mailtrail.app.files.PrivateFiles.directory(options.data());
            ClusterServices services = ClusterServices.start(options.data());
            try {
                demo = ClusterDemo.start(
                        options, ClusterSettings.of(services.bootstrapServers(), services.search()), services, clock);
            } catch (DemoStartException e) {
                services.close();
                throw e;
            }
        } catch (DemoStartException | java.io.IOException e) {
            err.println("mt demo: " + dev.mailtrail.app.files.FileFailure.describe(e));
            return 1;
        }
        DemoApi api;
        try {
            api = DemoApi.start(demo.pipeline(), demo.certificate(), apiPort, clock);
        } catch (dev.mailtrail.app.api.ApiStartException | java.io.IOException e) {
            err.println("mt demo: the HTTPS API: " + e.getMessage());
            demo.close();
            return 1;
        }
        for (ClusterDemo.Member member : demo.members()) {
            member.pipeline().onFailure(failure -> {
                err.println("mt demo: an audit core stopped: " + failure
                        + "; nothing more can be recorded, exiting with status " + DemoCommand.PIPELINE_FAILED);
                err.flush();
                Runtime.getRuntime().halt(DemoCommand.PIPELINE_FAILED);
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(api, demo, err, stopped), "mt-demo-shutdown"));
        out.print(ClusterDemoBanner.render(demo, api.banner()));
        out.flush();
        stopped.await();
        return 0;
    }

    private static void stop(DemoApi api, ClusterDemo demo, PrintWriter err, CountDownLatch stopped) {
        DemoCommand.stop(
                api,
                demo::close,
                "flushing every open window into " + demo.settings().search(),
                err,
                stopped);
    }
}
