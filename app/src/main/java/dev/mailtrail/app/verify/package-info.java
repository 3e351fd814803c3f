/** {@code mt verify}: the stores' hash chains and checksums, walked. */
package dev.mailtrail.app.verify;
