/** Running the Playwright scripts of {@code e2e/} in Debian's Chromium from the tests. */
package dev.mailtrail.app.e2e;
