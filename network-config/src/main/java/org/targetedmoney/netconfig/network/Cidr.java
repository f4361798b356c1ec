package org.targetedmoney.netconfig.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/**
 * A block of IP addresses in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}). Parsing never resolves a
 * name: only IP literals are accepted, and host bits must be zero (a {@code 10.0.0.5/8} is probably a mistake).
 */
public final class Cidr {
    /** The loopback blocks: the allowlist default, so only local clients may write until someone decides otherwise. */
    public static final Cidr LOOPBACK_V4 = parse("127.0.0.0/8").orElseThrow();
    public static final Cidr LOOPBACK_V6 = parse("::1/128").orElseThrow();

    private final String text;
    private final InetAddress network;
    private final int prefixLength;

    private Cidr(String text, InetAddress network, int prefixLength) {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** The block written as {@code text}, or empty if it is not one (see {@link #problem(String)} for why). */
    public static Optional<Cidr> parse(String text) {
        return problem(text) == null ? Optional.of(build(text)) : Optional.empty();
    }

    /** Null if {@code text} is a block in CIDR notation, else what is wrong with it. */
    public static String problem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return "missing /prefix-length (e.g. 127.0.0.0/8, or 10.1.2.3/32 for one host)";
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        int bits = IPAddress.isValidIPv4(address) ? 32 : IPAddress.isValidIPv6(address) ? 128 : -1;
        if (bits < 0) {
            return "not an IPv4 or IPv6 address before the /";
        }
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            return "prefix length must be 0 to " + bits;
        }
        Cidr cidr = build(text);
        if (cidr.network.getAddress().length * 8 != bits) {
            return "an IPv4-mapped IPv6 address: write the IPv4 block instead";
        }
        if (bits(cidr.network).compareTo(bits(cidr.maskedNetwork())) != 0) {
            return "host bits are set after the first " + prefix + " bits (did you mean "
                    + cidr.maskedNetwork().getHostAddress() + "/" + prefix + "?)";
        }
        return null;
    }

    /** True if {@code address} is in this block (an IPv4 address is never in an IPv6 block, and the reverse). */
    public boolean contains(InetAddress address) {
        if (address.getAddress().length != network.getAddress().length) {
            return false;
        }
        int width = network.getAddress().length * 8;
        return bits(address).shiftRight(width - prefixLength).equals(bits(network).shiftRight(width - prefixLength));
    }

    public InetAddress network() {
        return network;
    }

    public int prefixLength() {
        return prefixLength;
    }

    private InetAddress maskedNetwork() {
        int width = network.getAddress().length * 8;
        BigInteger masked = bits(network).shiftRight(width - prefixLength).shiftLeft(width - prefixLength);
        byte[] raw = masked.toByteArray();
        byte[] bytes = new byte[width / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static Cidr build(String text) {
        int slash = text.indexOf('/');
        try {
            // An IP literal (checked by the caller): getByName does no lookup.
            return new Cidr(text, InetAddress.getByName(text.substring(0, slash)),
                    Integer.parseInt(text.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + text, e);
        }
    }

    private static BigInteger bits(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.network.equals(network) && cidr.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }

    /** The block as it was written. */
    @Override
    public String toString() {
        return text;
    }
}
