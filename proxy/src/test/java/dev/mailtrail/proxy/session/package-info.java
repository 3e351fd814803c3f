/** Tests of the shared session pieces: identities, SASL PLAIN, the Bind/Sync rule. */
package dev.mailtrail.proxy.session;
