/**
 * JMH benchmarks of the audit core, run on demand ({@code java -jar bench/target/benchmarks.jar}), never as
 * tests. May use every module; nothing depends on it.
 */
package dev.mailtrail.bench;
