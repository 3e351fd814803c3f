/**
 * What the proxy bench command ({@code ./mt bench ProxyBench}) is made of: FETCH throughput, latency and CPU time per
 * message through the auditing proxy in strict and async mode and through HAProxy, against the same Dovecot directly
 * (also as JSON lines), and the proxy's memory per idle IDLE session.
 */
package dev.mailtrail.bench.proxy;
