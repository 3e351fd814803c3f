package dev.mailtrail.storebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Apache Solr in SolrCloud mode, a node of its own with ZooKeeper in its process: one collection of two shards
 * under the compositeId router, each record's id {@code MAILBOX!SEQ} so that a mailbox's records share a shard; the
 * configset ({@code solr/} beside this class) uploaded through the Configsets API. An update request per batch,
 * durable when answered (update log fsynced per request); searches see what the last soft commit (every second)
 * holds.
 */
final class SolrStore implements AuditStore {
    private static final String COLLECTION = "audit";

    private final SearchNode node;
    private final NodeFacts facts;
    private final EngineHttp http;

    SolrStore(Path dir) throws IOException {
        this.node = SearchNode.start(SearchEngine.SOLR, dir);
        this.http = new EngineHttp(node.baseUrl());
        http.post("admin/configs?action=UPLOAD&name=" + COLLECTION, "application/octet-stream", configset());
        http.get("admin/collections?action=CREATE&name=" + COLLECTION + "&numShards=2&replicationFactor=1"
                + "&router.name=compositeId&collection.configName=" + COLLECTION + "&waitForFinalState=true");
        this.facts = new NodeFacts(node);
    }

    private static byte[] configset() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String file : List.of("solrconfig.xml", "schema.xml")) {
                try (InputStream in = SolrStore.class.getResourceAsStream("solr/" + file)) {
                    if (in == null) {
                        throw new IOException("the Solr configset file solr/" + file + " is missing from the bench");
                    }
                    out.putNextEntry(new ZipEntry(file));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return zip.toByteArray();
    }

    @Override
    public void append(List<BenchRecord> batch) throws IOException {
        ArrayNode documents = EngineHttp.JSON.createArrayNode();
        for (BenchRecord record : batch) {
            ObjectNode document = OpenSearchStore.document(record);
            document.put("id", record.mailbox() + "!" + record.seq());
            documents.add(document);
        }
        http.postJson(COLLECTION + "/update", documents);
    }

    @Override
    public void finishIngest() throws IOException {
        http.get(COLLECTION + "/update?commit=true&waitSearcher=true");
        facts.afterIngest();
    }

    @Override
    public boolean compact() throws IOException {
        http.get(COLLECTION + "/update?optimize=true&maxSegments=1&waitSearcher=true");
        return true;
    }

    @Override
    public List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws IOException {
        return hits(http.get(COLLECTION + "/select?q=*:*&fq=" + term("mailbox", mailbox) + "&fq="
                + OpenSearchStore.encode("time:[" + from + " TO " + to + "}") + "&sort="
                + OpenSearchStore.encode("time desc,seq desc") + "&fl=seq,auditData&rows=" + limit + "&_route_="
                + OpenSearchStore.encode(mailbox + "!")));
    }

    @Override
    public Map<String, Long> countByOperation(long from, long to) throws IOException {
        JsonNode answer = http.get(COLLECTION + "/select?q=*:*&rows=0&fq="
                + OpenSearchStore.encode("time:[" + from + " TO " + to + "}")
                + "&facet=true&facet.field=operation&facet.limit=-1&facet.mincount=1");
        Map<String, Long> counts = new HashMap<>();
        JsonNode pairs = answer.path("facet_counts").path("facet_fields").path("operation");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            counts.put(pairs.get(i).asText(), pairs.get(i + 1).asLong());
        }
        return counts;
    }

    @Override
    public List<Hit> findMessageId(String messageId, Lookup lookup) throws IOException {
        return hits(http.get(COLLECTION + "/select?q=" + term("messageIds", messageId)
                + "&sort=seq%20asc&fl=seq,auditData&rows=10000"));
    }

    /** An exact-term query that needs no escaping: the term parser takes the value as it is. */
    private static String term(String field, String value) {
        return OpenSearchStore.encode("{!term f=" + field + "}" + value);
    }

    private static List<Hit> hits(JsonNode answer) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode doc : answer.path("response").path("docs")) {
            hits.add(new Hit(doc.path("seq").asLong(), doc.path("auditData").asText()));
        }
        return hits;
    }

    @Override
    public Set<Lookup> lookups() {
        return Set.of(Lookup.INDEXED);
    }

    @Override
    public void close() {
        facts.beforeStop();
        node.close();
    }
}
