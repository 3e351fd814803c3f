package dev.mailtrail.app.api;

import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.pipeline.AuditBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What endpoints are built from: the process's audit pipeline (journal, core, stores, searches), the audit trail
 * every search, export, scope and change must be recorded in, the clock, the data directory and the Prometheus
 * text of the metrics registry.
 */
public record ApiContext(
        AuditBackend pipeline,
        ApiAuditTrail auditTrail,
        Authentication authentication,
        Clock clock,
        SecureRandom random,
        Path dataDirectory,
        Supplier<String> metrics) {}
