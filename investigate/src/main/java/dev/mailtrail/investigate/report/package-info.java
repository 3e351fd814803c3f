/**
 * A {@link dev.mailtrail.investigate.scope.Scope} written out: a one-screen terminal summary, JSON and CSV for
 * tooling, and a self-contained HTML report. Records are attacker-controlled (subjects, rule names, client
 * strings), so every writer escapes what it writes for where it goes. Uses Jackson and FastCSV.
 */
package dev.mailtrail.investigate.report;
