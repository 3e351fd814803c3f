/**
 * What the proxy bench command ({@code ./mt bench ProxyBench}) is made of: FETCH throughput and latency through the auditing proxy
 * in strict mode against the same Dovecot directly, and the proxy's memory per idle IDLE session.
 */
package dev.mailtrail.bench.proxy;
