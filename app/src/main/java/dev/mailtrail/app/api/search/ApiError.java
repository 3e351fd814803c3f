package dev.mailtrail.app.api.search;

/**
 * A request refused before anything was written: the parameter at fault (null when no one parameter is) and the
 * error as Exchange words it. An HTTP layer answers it with 400.
 */
public record ApiError(String parameter, String message) {}
