/**
 * Text that came from a client or a file, made safe to put in a log line. JDK only, no I/O: every module that logs
 * such a value uses it, and the app's log formatter applies it to every parameter of every log record.
 */
package dev.mailtrail.core.text;
