/**
 * MailTrail's HTTPS API: the Jetty server, the route table every endpoint registers in ({@link
 * dev.mailtrail.app.api.ApiRoutes}), authentication and role checks before an {@link dev.mailtrail.app.api.Endpoint}
 * runs, security headers and JSON errors. Endpoints see {@link dev.mailtrail.app.api.ApiRequest} and {@link
 * dev.mailtrail.app.api.ApiResponse}, never Jetty. Sub-packages: access control, events, sessions, the audit trail.
 */
package dev.mailtrail.app.api;
