package dev.gwellbridge.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address as the protocol carries it: four bytes in network order (GWELL-PROTOCOL.md §1),
 * held as an {@code int} whose most significant byte is the first octet.
 *
 * @param value the address, first octet in bits 24..31
 */
public record Ipv4(int value) {
    /** 0.0.0.0, what relay-only cameras announce. */
    public static final Ipv4 ANY = new Ipv4(0);

    /** Reads four network-order bytes at {@code off}. */
    public static Ipv4 read(byte[] b, int off) {
        return new Ipv4(
                (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF));
    }

    /** Parses a dotted quad such as {@code 192.168.1.50}. */
    public static Ipv4 parse(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
        }
        int v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
            }
            v = v << 8 | octet;
        }
        return new Ipv4(v);
    }

    /** The address of a JDK {@link Inet4Address}. */
    public static Ipv4 of(Inet4Address address) {
        return read(address.getAddress(), 0);
    }

    /** Writes the four network-order bytes at {@code off}. */
    public void write(byte[] b, int off) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    /** The four bytes in network order. */
    public byte[] toBytes() {
        byte[] b = new byte[4];
        write(b, 0);
        return b;
    }

    /** The first octet, 0..255. */
    public int firstOctet() {
        return value >>> 24;
    }

    /** True for 0.0.0.0. */
    public boolean isAny() {
        return value == 0;
    }

    /** The JDK address (no name lookup takes place). */
    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always a valid IPv4 address", e);
        }
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + (value >>> 16 & 0xFF) + "." + (value >>> 8 & 0xFF) + "." + (value & 0xFF);
    }
}
