/**
 * Who may use the HTTPS API and what for: role groups as Purview and Exchange have them, management scopes, local
 * accounts with Argon2id password hashes, API tokens, login sessions and the lock-out. Files under the data directory;
 * no HTTP here.
 */
package dev.mailtrail.app.api.access;
