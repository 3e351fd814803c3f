package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.event.NameValue;
import java.util.List;

/**
 * What a cmdlet line did, for its admin audit record: {@code Operation} = the cmdlet name, {@code ObjectId},
 * {@code Parameters}, and {@code ResultStatus} True or False with the error shown to the administrator.
 */
public record CmdletOutcome(
        String cmdlet, boolean succeeded, String error, String objectId, List<NameValue> parameters) {

    public static CmdletOutcome success(String cmdlet, String objectId, List<NameValue> parameters) {
        return new CmdletOutcome(cmdlet, true, null, objectId, List.copyOf(parameters));
    }

    public static CmdletOutcome failure(String cmdlet, String error, String objectId, List<NameValue> parameters) {
        return new CmdletOutcome(cmdlet, false, error, objectId, List.copyOf(parameters));
    }
}
