package dev.mailtrail.app.api;

/**
 * What the caller got wrong, answered as {@code {"error": code, "message": …, "details": …}} with {@code status}.
 * The code is stable for scripts ({@code unauthenticated}, {@code forbidden}, {@code bad_request}, …); the message is
 * for a person and says what was wrong and where.
 */
public final class ApiException extends Exception {
    private final int status;
    private final String code;
    private final transient Object details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** More for the caller (a list of rejected lines, say), serialised as JSON; may be null. */
    public Object details() {
        return details;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }
}
