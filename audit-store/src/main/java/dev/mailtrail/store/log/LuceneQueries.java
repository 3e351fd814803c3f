package dev.mailtrail.store.log;

import static dev.mailtrail.store.log.RecordDocuments.key;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** A {@link RecordQuery} in Lucene's terms: every filter a non-scoring clause over exact terms or points. */
final class LuceneQueries {
    static final Analyzer WORDS_ANALYZER = new StandardAnalyzer();

    private static final String SEARCH_ACTION = "SearchQueryInitiated";

    private LuceneQueries() {}

    static Query records(RecordQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RecordDocuments.KIND, RecordDocuments.KIND_RECORD)), Occur.FILTER);
        long start = millis(query.start());
        long end = millis(query.end());
        if (start > Long.MIN_VALUE || end < Long.MAX_VALUE) {
            all.add(LongField.newRangeQuery(RecordDocuments.TIME, start, end - 1), Occur.FILTER);
        }
        anyOf(all, query.mailboxes(), value -> term(RecordDocuments.MAILBOX, value));
        anyOf(all, query.userIds(), value -> term(RecordDocuments.USER_ID, value));
        anyOf(all, withActionNames(query.operations()), value -> term(RecordDocuments.OPERATION_KEY, value));
        anyOf(all, query.recordTypes(), value -> IntField.newExactQuery(RecordDocuments.RECORD_TYPE, value));
        anyOf(all, query.logonTypes(), value -> IntField.newExactQuery(RecordDocuments.LOGON_TYPE, value));
        anyOf(all, query.ipAddresses(), value -> term(RecordDocuments.CLIENT_IP, IpAddresses.withoutPort(value)));
        anyOf(all, query.objectIds(), value -> term(RecordDocuments.OBJECT_ID, value));
        anyOf(all, query.sessionIds(), value -> term(RecordDocuments.SESSION_ID, value));
        for (String text : query.freeText()) {
            all.add(freeText(text), Occur.FILTER);
        }
        return all.build();
    }

    /**
     * The operations asked for, each with its other name: the mailbox action {@code SearchQueryInitiated} (as
     * {@code Set-Mailbox} enables it) makes records the unified log names {@code SearchQueryInitiatedExchange}.
     */
    private static Collection<String> withActionNames(Collection<String> operations) {
        Set<String> names = new LinkedHashSet<>();
        for (String operation : operations) {
            names.add(operation);
            if (operation.equalsIgnoreCase(SEARCH_ACTION)) {
                names.add(SEARCH_ACTION + "Exchange");
            } else if (operation.equalsIgnoreCase(SEARCH_ACTION + "Exchange")) {
                names.add(SEARCH_ACTION);
            }
        }
        return names;
    }

    /** Epoch milliseconds, saturated: a range may be given as Instant.MIN to Instant.MAX. */
    static long millis(java.time.Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(java.time.Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Query allRecords() {
        return new TermQuery(new Term(RecordDocuments.KIND, RecordDocuments.KIND_RECORD));
    }

    static Query chain(String chain) {
        return new BooleanQuery.Builder()
                .add(allRecords(), Occur.FILTER)
                .add(new TermQuery(new Term(RecordDocuments.CHAIN, chain)), Occur.FILTER)
                .build();
    }

    static Query head(String chain) {
        return kindOfChain(RecordDocuments.KIND_HEAD, chain);
    }

    static Query purgeMark(String chain) {
        return kindOfChain(RecordDocuments.KIND_PURGE, chain);
    }

    static Query kindOfChain(String kind, String chain) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RecordDocuments.KIND, kind)), Occur.FILTER)
                .add(new TermQuery(new Term(RecordDocuments.CHAIN, chain)), Occur.FILTER)
                .build();
    }

    private static Query freeText(String text) {
        BooleanQuery.Builder either =
                new BooleanQuery.Builder().add(term(RecordDocuments.TERMS, text.strip()), Occur.SHOULD);
        Query phrase = new QueryBuilder(WORDS_ANALYZER).createPhraseQuery(RecordDocuments.WORDS, text);
        if (phrase != null) {
            either.add(phrase, Occur.SHOULD);
        }
        return either.setMinimumNumberShouldMatch(1).build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, key(value)));
    }

    private static <T> void anyOf(BooleanQuery.Builder all, Collection<T> values, Function<T, Query> each) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (T value : values) {
            any.add(each.apply(value), Occur.SHOULD);
        }
        all.add(any.setMinimumNumberShouldMatch(1).build(), Occur.FILTER);
    }
}
