/**
 * Audit configuration with Exchange's semantics: the organisation switch and baseline, each mailbox's lists
 * and DefaultAuditSet, retention, audit bypass. Values plus one class that owns the state.
 */
package dev.mailtrail.core.config;
