/**
 * The proxy's configuration: listeners, TLS files, the mail server behind it, strict or async auditing, bounds;
 * and the reader of the configuration file, whose errors name the key and the line. JDK only.
 */
package dev.mailtrail.proxy.config;
