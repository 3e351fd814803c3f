package dev.mailtrail.investigate.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule actions and conditions told apart by Exchange's parameter names. */
class InboxRuleDescriptionTest {

    @Test
    void pinMessageAndMarkImportanceAreActionsNotConditions() {
        String described = InboxRuleDescription.describe(Records.cmdlet(
                "09:00:00",
                "New-InboxRule",
                Records.ALICE,
                "203.0.113.5",
                "Name",
                "x",
                "PinMessage",
                "True",
                "MarkImportance",
                "Low",
                "ApplyCategory",
                "Done",
                "From",
                "ceo@contoso.com",
                "HasAttachment",
                "True",
                "MyNameInToBox",
                "False",
                "ExceptIfSubjectContainsWords",
                "urgent",
                "Mailbox",
                "alice",
                "Priority",
                "0"));

        assertThat(described)
                .isEqualTo("New-InboxRule \"x\": pins the message; marks importance Low; applies category Done;"
                        + " when it is from \"ceo@contoso.com\" and it has an attachment;"
                        + " except when the subject contains \"urgent\"");
    }

    @Test
    void aSwitchActionSetToFalseDoesNothingAndAnEmptyValueIsSaidSo() {
        String described = InboxRuleDescription.describe(Records.cmdlet(
                "09:00:00",
                "Set-InboxRule",
                Records.ALICE,
                "203.0.113.5",
                "Identity",
                "x",
                "DeleteMessage",
                "False",
                "SubjectContainsWords",
                ""));

        assertThat(described).isEqualTo("Set-InboxRule \"x\": no action recorded; when the subject contains (empty)");
    }
}
