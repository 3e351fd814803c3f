/**
 * What the proxy's codec fuzz targets share: cutting fuzzer input into pieces and checking that a codec reads it the
 * same in any split, without moving the caller's buffer and within its bounds.
 */
package dev.mailtrail.proxy.fuzz;
