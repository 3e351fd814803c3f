/**
 * Exchange's audit vocabulary: logon types, mailbox actions, which action each logon type may audit and
 * the managed default sets (baselines). Pure values; depends on nothing else in MailTrail.
 */
package dev.mailtrail.core.action;
