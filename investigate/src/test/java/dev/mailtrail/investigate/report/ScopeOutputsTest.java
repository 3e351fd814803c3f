package dev.mailtrail.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.mailtrail.investigate.scope.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeOutputsTest {
    private final Scope scope = HostileCase.scope();

    @Test
    void jsonCarriesTheStatementAndEveryReadWithItsSubjectAsRecorded() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ScopeJson().toJson(scope));

        assertThat(json.get("schema").asText()).isEqualTo("mailtrail-scope/1");
        assertThat(json.get("statement").asText()).isEqualTo(scope.statement());
        assertThat(json.get("messagesRead")).hasSize(3);
        assertThat(json.get("messagesRead").get(0).get("subject").asText()).isEqualTo(HostileCase.SCRIPT_SUBJECT);
        assertThat(json.get("messagesRead").get(0).get("ip").asText()).isEqualTo("203.0.113.5");
        assertThat(json.get("blindWindows").get(0).get("reason").asText()).isEqualTo("THROTTLED");
        assertThat(json.get("actions").get(0).get("kind").asText()).isEqualTo("INBOX_RULE");
        assertThat(json.get("timeline").size()).isEqualTo(scope.timeline().size());
    }

    @Test
    void csvHasOneRowPerFindingAndFormulasAreInert() throws Exception {
        StringWriter out = new StringWriter();
        new ScopeCsv().write(scope, out);

        List<CsvRecord> rows =
                CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
        assertThat(rows.getFirst().getFields()).containsExactly(ScopeCsv.HEADER);
        assertThat(rows.stream().skip(1).map(row -> row.getField(0)))
                .containsExactly("read", "read", "read", "blind", "action", "action");
        assertThat(rows.get(2).getField(6)).isEqualTo("'" + HostileCase.FORMULA_SUBJECT);
        assertThat(rows.get(1).getField(6)).isEqualTo(HostileCase.SCRIPT_SUBJECT);
    }

    @Test
    void theTerminalSummaryShowsEscapeSequencesInsteadOfObeyingThem() {
        StringWriter out = new StringWriter();
        new ScopeText().write(scope, new PrintWriter(out));

        assertThat(out.toString()).doesNotContain("\u001b").contains("\\u001b[2J\\u001b[31mowned");
        assertThat(out.toString()).contains("Messages read (Bind): 3").contains("Blind windows: 1");
    }

    @Test
    void htmlEscapesEveryRecordValueAndAllowsOnlyItsOwnScript() throws Exception {
        StringWriter out = new StringWriter();
        new ScopeHtml().write(scope, out);
        String html = out.toString();

        assertThat(html).doesNotContain(HostileCase.SCRIPT_SUBJECT).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
        assertThat(html).contains("&quot;&gt;&lt;script&gt;alert(&#39;rule&#39;)&lt;/script&gt;");
        assertThat(html.split("<script>", -1)).hasSize(2);
        assertThat(html).contains("Content-Security-Policy").contains("script-src 'sha256-");
        assertThat(html).as("no network: nothing is fetched").doesNotContain("<link", "@import");
        assertThat(java.util.regex.Pattern.compile("<[^>]*\\s(src|href)=")
                        .matcher(html)
                        .find())
                .isFalse();
    }
}
