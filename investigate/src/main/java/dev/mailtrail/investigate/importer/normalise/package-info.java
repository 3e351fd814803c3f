/**
 * Normalisation of what untidy exports spell differently: an IP with a source port, {@code ExternalAccess} as
 * text, US-locale dates, LogonType names, a missing {@code IsThrottled}. JDK and audit-core only.
 */
package dev.mailtrail.investigate.importer.normalise;
