package dev.mailtrail.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction.Availability;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailboxActionTest {
    /** exchange-audit.md §2, column order Admin | Delegate | Owner, as the spec prints it. */
    private static final String CATALOGUE = """
            ApplyRecord              | default    | default | default
            Copy                     | can        | -       | -
            Create                   | default    | default | can
            FolderBind               | can        | can     | -
            HardDelete               | default    | default | default
            MailboxLogin             | -          | -       | can
            MailItemsAccessed        | default    | default | default
            MessageBind              | deprecated | -       | -
            Move                     | can        | can     | can
            MoveToDeletedItems       | default    | default | default
            RecordDelete             | can        | can     | can
            SearchQueryInitiated     | -          | -       | can
            Send                     | default    | -       | default
            SendAs                   | default    | default | -
            SendOnBehalf             | default    | default | -
            SoftDelete               | default    | default | default
            Update                   | default    | default | default
            UpdateCalendarDelegation | default    | -       | default
            UpdateComplianceTag      | can        | can     | can
            UpdateFolderPermissions  | default    | default | default
            UpdateInboxRules         | default    | default | default
            AddFolderPermissions     | can        | can     | can
            ModifyFolderPermissions  | can        | can     | can
            RemoveFolderPermissions  | can        | can     | can
            """;

    static Stream<Arguments> catalogueRows() {
        return CATALOGUE.lines().map(line -> {
            String[] cells = line.split("\\|");
            Map<LogonType, Availability> availability = new EnumMap<>(LogonType.class);
            availability.put(LogonType.ADMIN, availability(cells[1]));
            availability.put(LogonType.DELEGATE, availability(cells[2]));
            availability.put(LogonType.OWNER, availability(cells[3]));
            return Arguments.of(cells[0].trim(), availability);
        });
    }

    private static Availability availability(String cell) {
        return switch (cell.trim()) {
            case "default" -> Availability.DEFAULT;
            case "can" -> Availability.CAN;
            case "deprecated" -> Availability.DEPRECATED;
            case "-" -> Availability.NO;
            default -> throw new IllegalArgumentException(cell);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueRows")
    void eachActionIsConfigurableExactlyWhereTheCatalogueSays(String name, Map<LogonType, Availability> expected) {
        MailboxAction action = MailboxAction.parse(name).orElseThrow();

        assertThat(action.exchangeName()).isEqualTo(name);
        for (LogonType logonType : LogonType.values()) {
            assertThat(action.availability(logonType))
                    .as("%s for %s", name, logonType)
                    .isEqualTo(expected.get(logonType));
            boolean configurable =
                    expected.get(logonType) == Availability.CAN || expected.get(logonType) == Availability.DEFAULT;
            assertThat(action.configurableFor(logonType)).isEqualTo(configurable);
        }
    }

    @Test
    void theCatalogueHasNoActionTheSpecDoesNotList() {
        assertThat(MailboxAction.values()).hasSize((int) CATALOGUE.lines().count());
    }

    @Test
    void messageBindCannotBeConfiguredForAnyLogonType() {
        assertThat(LogonType.values()).noneMatch(MailboxAction.MESSAGE_BIND::configurableFor);
    }

    @Test
    void searchQueryInitiatedIsNeverDefault() {
        assertThat(LogonType.values())
                .noneMatch(t -> MailboxAction.SEARCH_QUERY_INITIATED.availability(t) == Availability.DEFAULT);
    }

    @Test
    void namesParseCaseInsensitivelyAndTrimmed() {
        assertThat(MailboxAction.parse("mailitemsaccessed")).contains(MailboxAction.MAIL_ITEMS_ACCESSED);
        assertThat(MailboxAction.parse("  SOFTDELETE ")).contains(MailboxAction.SOFT_DELETE);
        assertThat(MailboxAction.parse("Read")).isEmpty();
        assertThat(MailboxAction.parse(null)).isEmpty();
    }

    @Test
    void onlyTheThreeFolderPermissionValuesAreAliasesOfUpdateFolderPermissions() {
        assertThat(Arrays.stream(MailboxAction.values()).filter(MailboxAction::isFolderPermissionAlias))
                .containsExactlyInAnyOrder(
                        MailboxAction.ADD_FOLDER_PERMISSIONS,
                        MailboxAction.MODIFY_FOLDER_PERMISSIONS,
                        MailboxAction.REMOVE_FOLDER_PERMISSIONS);
    }
}
