/**
 * What a Sieve script (RFC 5228, with body, copy, imap4flags, vacation) means to an investigator: a small parser
 * that reads a script without running it, and the script's rules in Exchange's inbox-rule vocabulary (ForwardTo,
 * RedirectTo, MoveToFolder, DeleteMessage, From, SubjectContainsWords …), compared rule by rule. JDK only.
 */
package dev.mailtrail.proxy.managesieve.script;
