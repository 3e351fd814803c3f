/**
 * Anchored tamper evidence: at every store commit a signed digest of each chain's position and head hash, chained
 * to the digest before it and written where the data directory's writer cannot rewrite it; and the verifier that
 * proves a present log consistent with every digest it is given. A hash chain alone cannot vouch for its own tail
 * (whoever can write the index can cut it and rewrite the head); a signed head kept elsewhere can, as Certificate
 * Transparency's signed tree heads and CloudTrail's digest files do. JDK only (its own Ed25519).
 */
package dev.mailtrail.store.anchor;
