/** {@code mt account} and {@code mt token}: the API's accounts and tokens, managed on the server's terminal. */
package dev.mailtrail.app.api.cli;
