/**
 * The one way data flows: an event is made durable in the journal (and only then acknowledged), the single core
 * thread applies journal entries in order to the audit core, and the records go to the mailbox and unified audit
 * logs, which commit how far they reach. Opening a data directory replays its journal, so open windows,
 * configuration and throttling state come back exactly, and records already stored are not stored again.
 */
package dev.mailtrail.app.pipeline;
