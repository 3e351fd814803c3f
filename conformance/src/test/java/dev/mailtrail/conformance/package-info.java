/**
 * The conformance suite's runner: every directory under {@code conformance/scenarios} is replayed through
 * {@code mt replay} in-process and its records compared with the scenario's expected ones.
 */
package dev.mailtrail.conformance;
