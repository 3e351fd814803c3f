/**
 * The HTTPS API of a real {@code mt serve} process with a small heap, over a data directory of a million records:
 * whole exports and cursor paging streamed in bounded memory.
 */
package dev.mailtrail.app.api.scale;
