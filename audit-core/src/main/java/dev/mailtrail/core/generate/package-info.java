/**
 * The record generator: audited events become records. MailItemsAccessed Binds aggregate in 2-minute windows
 * per context, repeats within an hour are de-duplicated, Sync is one record per folder, throttling follows
 * the organisation's mode; everything suppressed is counted. Time comes from the injected Clock only.
 */
package dev.mailtrail.core.generate;
