package dev.mailtrail.app.api;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries, as OWASP's secure-headers project recommends for an application that loads
 * nothing from elsewhere: only its own scripts and styles, never framed, never sniffed, no referrer sent on, HTTPS
 * only from the first visit on, and no answer kept in a cache (they hold audit data).
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    static void add(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CSP);
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
    }
}
