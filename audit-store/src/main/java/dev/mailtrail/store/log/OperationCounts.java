package dev.mailtrail.store.log;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching records by Operation through the operation field's doc values: no document is loaded. */
final class OperationCounts implements CollectorManager<OperationCounts.Counter, Map<String, Long>> {
    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, Long> reduce(Collection<Counter> counters) {
        Map<String, Long> total = new TreeMap<>();
        counters.forEach(counter -> counter.counts.forEach((operation, n) -> total.merge(operation, n, Long::sum)));
        return total;
    }

    static final class Counter implements Collector {
        private final Map<String, Long> counts = new TreeMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues operations = DocValues.getSortedSet(context.reader(), RecordDocuments.OPERATION);
            long[] byOrd = new long[(int) operations.getValueCount()];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    if (operations.advanceExact(doc)) {
                        byOrd[(int) operations.nextOrd()]++;
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int ord = 0; ord < byOrd.length; ord++) {
                        if (byOrd[ord] > 0) {
                            counts.merge(operations.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
