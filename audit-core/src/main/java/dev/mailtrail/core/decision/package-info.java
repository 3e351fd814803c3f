/**
 * The decision: given a mailbox, an acting account, a logon type and an action, is it audited, and why.
 * Pure functions over configuration values.
 */
package dev.mailtrail.core.decision;
