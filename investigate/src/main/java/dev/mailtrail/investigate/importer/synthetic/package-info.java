/**
 * Synthetic Purview exports of a tenant under Business Email Compromise, of any size, for benchmarks and load
 * tests; and the measurement of import throughput on them. Uses audit-core, audit-format and the importer.
 */
package dev.mailtrail.investigate.importer.synthetic;
