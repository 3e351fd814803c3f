/** How {@code mt} writes its log: one line per record, every value escaped. Uses the core's LogText and the JDK. */
package dev.mailtrail.app.logging;
