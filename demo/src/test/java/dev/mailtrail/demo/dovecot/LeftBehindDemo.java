package dev.mailtrail.demo.dovecot;

import dev.mailtrail.demo.corpus.DemoCorpus;

/** A demo process that starts Dovecot and waits to be killed: what {@code kill -9} of {@code mt demo} leaves. */
public final class LeftBehindDemo {
    private LeftBehindDemo() {}

    public static void main(String[] args) throws InterruptedException {
        DovecotDemoServer server = DovecotDemoServer.start(0, 0, DemoCorpus.messages());
        System.out.println("dovecot " + server.pid() + " " + server.workDirectory());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
