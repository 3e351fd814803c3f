/**
 * The demo's TLS identity: a self-signed certificate for 127.0.0.1 and localhost, made with BouncyCastle on
 * first start and kept as PEM files under the data directory.
 */
package dev.mailtrail.demo.tls;
