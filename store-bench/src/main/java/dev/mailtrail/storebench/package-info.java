/**
 * The store engine comparison: one seeded generator of realistic audit records, one small store interface and
 * one class per candidate engine. It may use the JDK and the engines' libraries; nothing else in MailTrail.
 */
package dev.mailtrail.storebench;
