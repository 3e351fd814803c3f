/**
 * Which export a file is, told from its content (byte order mark, {@code #TYPE} line, CSV header, first JSON
 * record), never from its name; and how to open it as text. JDK, Jackson streaming and the source package.
 */
package dev.mailtrail.investigate.importer.detect;
