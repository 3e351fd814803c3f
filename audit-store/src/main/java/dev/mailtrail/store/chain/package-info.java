/**
 * Tamper evidence: records are hash-chained as they are stored (each hash covers the previous hash and the
 * record's bytes), and a verifier walks a chain and names the first record deleted, edited or inserted.
 * Engine-independent; JDK only.
 */
package dev.mailtrail.store.chain;
