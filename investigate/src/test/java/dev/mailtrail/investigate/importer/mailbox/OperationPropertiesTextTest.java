package dev.mailtrail.investigate.importer.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationPropertiesTextTest {

    @Test
    void pairsInTheShapesPowerShellRendersThem() {
        String expected =
                "[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}]";

        assertThat(OperationPropertiesText.parse("MailAccessType:Bind IsThrottled:False"))
                .hasToString(expected);
        assertThat(OperationPropertiesText.parse("{MailAccessType:Bind, IsThrottled:False}"))
                .hasToString(expected);
        assertThat(OperationPropertiesText.parse("MailAccessType:Bind\r\nIsThrottled:False"))
                .hasToString(expected);
        assertThat(OperationPropertiesText.parse("MailAccessType:Bind;IsThrottled:False"))
                .hasToString(expected);
    }

    @Test
    void aValueMayHoldBlanksAndColons() {
        assertThat(OperationPropertiesText.parse("RuleName:Forward all to: accounts, RuleCondition:From:x, RuleId:42"))
                .hasToString("[{\"Name\":\"RuleName\",\"Value\":\"Forward all to: accounts\"},"
                        + "{\"Name\":\"RuleCondition\",\"Value\":\"From:x\"},"
                        + "{\"Name\":\"RuleId\",\"Value\":\"42\"}]");
    }

    @Test
    void textWithoutPairsIsNone() {
        assertThat(OperationPropertiesText.parse("System.Collections.Generic.List`1[Microsoft.Exchange.Data]"))
                .isNull();
    }
}
