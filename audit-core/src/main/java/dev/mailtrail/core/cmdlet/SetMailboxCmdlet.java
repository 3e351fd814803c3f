package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.CmdletValue.Table;
import dev.mailtrail.core.cmdlet.CmdletValue.Text;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.AuditLogAgeLimit;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Set-Mailbox}'s audit parameters. A list is replaced ({@code -AuditOwner A,B}) or edited
 * ({@code @{Add=…; Remove=…}}); either write takes the logon type out of DefaultAuditSet, even when the result
 * equals the default. {@code -DefaultAuditSet} reverts the named logon types to the current baseline.
 */
final class SetMailboxCmdlet implements AuditCmdlet {
    static final String MESSAGE_BIND_DEPRECATED =
            "MessageBind audit operation type is deprecated. Use MailItemsAccessed audit operation type instead.";

    @Override
    public String name() {
        return "Set-Mailbox";
    }

    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            "Set-Mailbox",
            "Changes a mailbox's audit settings: whether it is audited, the actions audited per logon type, how long"
                    + " its records are kept, its kind.",
            "Identity",
            List.of(
                    CmdletParameter.value("Identity", "MailboxIdParameter", "The mailbox, by address.")
                            .required(),
                    CmdletParameter.bool(
                            "AuditEnabled",
                            "$true or $false: whether the mailbox is audited (ignored for user, shared and group"
                                    + " mailboxes while the organisation audits)."),
                    CmdletParameter.value(
                            "AuditOwner",
                            "MultiValuedProperty",
                            "Actions audited for the owner: A,B replaces the list; @{Add=...; Remove=...} edits it."),
                    CmdletParameter.value(
                            "AuditDelegate", "MultiValuedProperty", "Actions audited for delegates, as AuditOwner."),
                    CmdletParameter.value(
                            "AuditAdmin", "MultiValuedProperty", "Actions audited for admins, as AuditOwner."),
                    CmdletParameter.value(
                            "DefaultAuditSet",
                            "MultiValuedProperty",
                            "Logon types (Owner, Delegate, Admin) whose lists go back to Microsoft's managed defaults."),
                    CmdletParameter.value(
                            "AuditLogAgeLimit",
                            "EnhancedTimeSpan",
                            "How long the mailbox's audit records are kept, dd.hh:mm:ss (default 90.00:00:00)."),
                    CmdletParameter.value("Type", "ConvertibleMailboxSubType", "Regular, Shared, Room or Equipment.")));

    @Override
    public CmdletSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        return arguments.textOf("Identity");
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        String identity = arguments.requireIdentity(name());
        MailboxAuditConfig mailbox = configuration.knows(identity)
                ? configuration.mailbox(identity)
                : MailboxAuditConfig.newUserMailbox(identity);
        Baseline baseline = configuration.organization().baseline();
        for (CmdletLine.Parameter parameter : arguments.all()) {
            if (arguments.isCommon(parameter)) {
                continue;
            }
            mailbox = switch (parameter.name()) {
                case "Identity" -> mailbox;
                case "AuditEnabled" -> mailbox.withAuditEnabled(arguments.bool(parameter));
                case "AuditOwner" -> writeList(mailbox, LogonType.OWNER, parameter, baseline);
                case "AuditDelegate" -> writeList(mailbox, LogonType.DELEGATE, parameter, baseline);
                case "AuditAdmin" -> writeList(mailbox, LogonType.ADMIN, parameter, baseline);
                case "DefaultAuditSet" -> revertToDefaults(mailbox, parameter);
                case "AuditLogAgeLimit" -> mailbox.withAuditLogAgeLimit(ageLimit(arguments, parameter));
                case "Type" -> changeType(mailbox, arguments, parameter);
                default -> throw new IllegalStateException("unhandled parameter " + parameter.name());
            };
        }
        configuration.put(mailbox);
    }

    private static MailboxAuditConfig writeList(
            MailboxAuditConfig mailbox, LogonType logonType, CmdletLine.Parameter parameter, Baseline baseline)
            throws CmdletException {
        refuseGroupMailbox(mailbox, parameter.name());
        EnumSet<MailboxAction> list;
        if (parameter.value() instanceof Table table) {
            list = copy(mailbox.actions(logonType, baseline));
            for (Map.Entry<String, CmdletValue> entry : table.entries().entrySet()) {
                boolean add = entry.getKey().equalsIgnoreCase("Add");
                if (!add && !entry.getKey().equalsIgnoreCase("Remove")) {
                    throw new CmdletException("The hash table for " + parameter.name()
                            + " accepts only the keys Add and Remove; '" + entry.getKey() + "' is not one of them.");
                }
                for (Text item : CmdletArguments.listItems(parameter.name(), entry.getValue())) {
                    if (item.text().equalsIgnoreCase("None")) {
                        continue;
                    }
                    MailboxAction action = action(item.text(), logonType, parameter.name(), add, baseline);
                    if (add) {
                        list.add(action);
                    } else {
                        list.remove(action);
                    }
                }
            }
        } else {
            list = EnumSet.noneOf(MailboxAction.class);
            for (Text item : CmdletArguments.list(parameter)) {
                if (!item.text().equalsIgnoreCase("None")) {
                    list.add(action(item.text(), logonType, parameter.name(), true, baseline));
                }
            }
        }
        return mailbox.withCustomList(logonType, list);
    }

    private static MailboxAction action(
            String text, LogonType logonType, String property, boolean adding, Baseline baseline)
            throws CmdletException {
        MailboxAction action = MailboxAction.parse(text)
                .orElseThrow(() -> new CmdletException("Cannot convert value \"" + text
                        + "\" to a mailbox audit action for " + property
                        + ". Specify one of the following values and try again: " + validValues(logonType, baseline)
                        + "."));
        if (!adding) {
            return action;
        }
        if (action == MailboxAction.MESSAGE_BIND) {
            if (!baseline.acceptsMessageBind()) {
                throw new CmdletException(MESSAGE_BIND_DEPRECATED);
            }
            if (logonType == LogonType.ADMIN) {
                return action;
            }
        }
        if (!action.configurableFor(logonType)) {
            throw new CmdletException("The value \"" + action.exchangeName() + "\" isn't valid for " + property
                    + ": " + action.exchangeName() + " can't be audited for " + logonType.cmdletName()
                    + " logons. Valid values for " + property + ": " + validValues(logonType, baseline) + ".");
        }
        return action;
    }

    private static String validValues(LogonType logonType, Baseline baseline) {
        String values = Arrays.stream(MailboxAction.values())
                .filter(a -> a.configurableFor(logonType)
                        || (a == MailboxAction.MESSAGE_BIND
                                && baseline.acceptsMessageBind()
                                && logonType == LogonType.ADMIN))
                .map(MailboxAction::exchangeName)
                .collect(Collectors.joining(", "));
        return values + ", None";
    }

    private static MailboxAuditConfig revertToDefaults(MailboxAuditConfig mailbox, CmdletLine.Parameter parameter)
            throws CmdletException {
        refuseGroupMailbox(mailbox, parameter.name());
        MailboxAuditConfig reverted = mailbox;
        for (Text item : CmdletArguments.list(parameter)) {
            LogonType logonType = LogonType.parse(item.text())
                    .filter(t -> !item.text().matches("\\d+|(?i)delegated"))
                    .orElseThrow(() -> new CmdletException("Cannot convert value \"" + item.text()
                            + "\" to a logon type for DefaultAuditSet. Specify one of the following values and try"
                            + " again: Admin, Delegate, Owner."));
            reverted = reverted.withManaged(logonType);
        }
        return reverted;
    }

    private static Duration ageLimit(CmdletArguments arguments, CmdletLine.Parameter parameter) throws CmdletException {
        String text = arguments.scalar(parameter);
        return AuditLogAgeLimit.parse(text)
                .orElseThrow(() -> new CmdletException("Cannot convert value \"" + text
                        + "\" to type \"System.TimeSpan\" for AuditLogAgeLimit. Use dd.hh:mm:ss, e.g. 90.00:00:00."));
    }

    /** A group mailbox keeps its type: as another type it would leave the fixed set behind. */
    private static MailboxAuditConfig changeType(
            MailboxAuditConfig mailbox, CmdletArguments arguments, CmdletLine.Parameter parameter)
            throws CmdletException {
        refuseGroupMailbox(mailbox, parameter.name());
        return mailbox.withType(type(arguments, parameter));
    }

    private static MailboxType type(CmdletArguments arguments, CmdletLine.Parameter parameter) throws CmdletException {
        String text = arguments.scalar(parameter);
        return MailboxType.parse(text)
                .filter(t -> t != MailboxType.GROUP_MAILBOX && t != MailboxType.PUBLIC_FOLDER_MAILBOX)
                .orElseThrow(() -> new CmdletException("Cannot convert value \"" + text
                        + "\" for parameter Type. Specify one of the following values and try again: Regular, Shared,"
                        + " Room, Equipment."));
    }

    private static void refuseGroupMailbox(MailboxAuditConfig mailbox, String property) throws CmdletException {
        if (mailbox.isGroupMailbox()) {
            throw new CmdletException("The " + property + " of group mailbox " + mailbox.identity()
                    + " can't be changed: Microsoft 365 group mailboxes have a fixed audit set.");
        }
    }

    private static EnumSet<MailboxAction> copy(Set<MailboxAction> actions) {
        return actions.isEmpty() ? EnumSet.noneOf(MailboxAction.class) : EnumSet.copyOf(actions);
    }
}
