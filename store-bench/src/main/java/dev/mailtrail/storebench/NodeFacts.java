package dev.mailtrail.storebench;

import dev.mailtrail.searchnode.SearchNode;
import java.time.Duration;

/**
 * Prints what a search node costs as a process: its start-up time, its resident memory along the run, and the CPU
 * time it spent on the ingest and on the searches. On a shared machine the node's CPU time per record varies less
 * than the wall clock.
 */
final class NodeFacts {
    private final SearchNode node;
    private Duration cpuMark;

    NodeFacts(SearchNode node) {
        this.node = node;
        this.cpuMark = node.cpuTime();
        System.out.printf(
                "%s node: started in %.1f s, RSS %d MiB when ready; CPU %.1f s by the time the index was created%n",
                node.engine(), node.startup().toMillis() / 1e3, node.residentBytes() >> 20, cpuMark.toMillis() / 1e3);
    }

    /** The first commit after the ingest has returned: the ingest's CPU time in the node. */
    void afterIngest() {
        System.out.printf(
                "%s node: RSS %d MiB after ingest, node CPU %.1f s for the ingest%n",
                node.engine(), node.residentBytes() >> 20, cpuSince() / 1e3);
    }

    void beforeStop() {
        System.out.printf(
                "%s node: RSS %d MiB after the searches, node CPU %.1f s for the searches and compaction%n",
                node.engine(), node.residentBytes() >> 20, cpuSince() / 1e3);
    }

    private long cpuSince() {
        Duration now = node.cpuTime();
        long millis = now.minus(cpuMark).toMillis();
        cpuMark = now;
        return millis;
    }
}
