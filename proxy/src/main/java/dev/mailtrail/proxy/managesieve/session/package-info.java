/**
 * The ManageSieve session auditor: who logged in (SASL PLAIN or LOGIN, a master user's impersonation), the scripts
 * seen in the session, and each accepted or refused script change as Exchange's inbox-rule cmdlets, rule by rule
 * against the script in force. Pure: no I/O; uses the codec, the script reader and the shared session types.
 */
package dev.mailtrail.proxy.managesieve.session;
