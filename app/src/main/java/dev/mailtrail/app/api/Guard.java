package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.Right;

/**
 * What a route asks of its caller before its endpoint runs: nothing ({@link #PUBLIC}), to be signed in or hold a token
 * ({@link #SIGNED_IN}), or a right one of its role groups grants ({@link #needs}).
 *
 * @param right the right needed, or null
 */
public record Guard(boolean authenticated, Right right) {
    public static final Guard PUBLIC = new Guard(false, null);
    public static final Guard SIGNED_IN = new Guard(true, null);

    public static Guard needs(Right right) {
        return new Guard(true, right);
    }
}
