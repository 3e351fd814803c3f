/** {@code GET /api/v1/health} (for a load balancer, no sign-in) and {@code GET /metrics} (Prometheus text). */
package dev.mailtrail.app.api.status;
