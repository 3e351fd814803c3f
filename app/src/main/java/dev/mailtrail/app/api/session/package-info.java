/** Signing in and out of the API and console: {@code /api/v1/session}, the cookie and its CSRF token. */
package dev.mailtrail.app.api.session;
