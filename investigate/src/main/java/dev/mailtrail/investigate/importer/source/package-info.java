/**
 * The sequential half of reading an export: cutting a text stream into units (one CSV row, one JSON value, one
 * JSON line) with the line each starts on, without interpreting them. JDK, FastCSV and nothing else.
 */
package dev.mailtrail.investigate.importer.source;
