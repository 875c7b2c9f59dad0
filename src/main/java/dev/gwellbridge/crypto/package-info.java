/**
 * Ciphers, hashes and signature helpers of the GWell/IoTVideo protocol (RC5-32/6, RC5-64/6, XOR,
 * giot_hash_string, the CertifyReq signature primitives).
 *
 * <p>Pure functions and immutable key schedules: no I/O, no threads, no logging, JDK only.
 */
package dev.gwellbridge.crypto;
