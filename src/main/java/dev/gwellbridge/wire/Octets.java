package dev.gwellbridge.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string, so that message records compare by content.
 *
 * <p>{@link #toString()} prints only the length: keys, tokens and payloads never reach a log line
 * through a record's {@code toString()}. Use {@link #hex()} where the bytes are wanted.
 */
public final class Octets {
    private static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte[] bytes) {
        return new Octets(bytes.clone());
    }

    /** A copy of {@code bytes[off..off+len)}. */
    public static Octets of(byte[] bytes, int off, int len) {
        return new Octets(Arrays.copyOfRange(bytes, off, off + len));
    }

    /** {@code n} zero bytes. */
    public static Octets zeros(int n) {
        return new Octets(new byte[n]);
    }

    /** The empty string. */
    public static Octets empty() {
        return EMPTY;
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The byte at {@code i}, as 0..255. */
    public int at(int i) {
        return bytes[i] & 0xFF;
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code dst} at {@code off}. */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    /** Lowercase hex of the bytes. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Octets[" + bytes.length + " bytes]";
    }
}
