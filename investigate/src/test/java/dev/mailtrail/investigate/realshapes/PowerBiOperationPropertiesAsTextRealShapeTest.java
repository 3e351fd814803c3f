package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Two PowerBI CreateArtifact records whose {@code OperationProperties} is JSON written as text
 * ({@code "[{\"Name\":…}]"} and {@code "[]"}) instead of an array, the second also with {@code AdditionalInfo} as
 * JSON text: the shape of elastic/integrations
 * {@code packages/o365/data_stream/audit/_dev/test/pipeline/test-stringly-json-events.json}. By hand: two
 * records of alice@contoso.com, neither about mail. A member of an unexpected type is kept, not a reason to
 * refuse the record.
 */
class PowerBiOperationPropertiesAsTextRealShapeTest {
    private static final String FIXTURE = "elastic-powerbi-operationproperties-as-text.jsonl";

    @Test
    void importsBothRecordsWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(2);
    }

    @Test
    void theTextIsKeptAsWritten() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.written(0))
                .contains(
                        "\"OperationProperties\":\"[{\\\"Name\\\":\\\"SystemArtifactType\\\",\\\"Value\\\":\\\"None\\\"}]\"");
        assertThat(imported.written(1)).contains("\"OperationProperties\":\"[]\"");
    }
}
