/**
 * Message traces ({@code Get-MessageTrace | Export-Csv}, the admin center's message trace report): who sent each
 * message and when it arrived, so a scope can resolve the InternetMessageIds an attacker read. Uses FastCSV and the
 * importer's date and text-encoding readers.
 */
package dev.mailtrail.investigate.trace;
