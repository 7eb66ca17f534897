package dev.modbuswatch.profile;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address block parsed from {@code address} or {@code address/prefix} without any name lookup. IPv4
 * blocks match as one {@code int}, IPv6 blocks as two {@code long}s.
 */
final class IpBlock {

    final boolean ipv6;
    final int prefixLength;
    final int network4;
    final int mask4;
    final long networkHigh;
    final long networkLow;
    final long maskHigh;
    final long maskLow;

    private IpBlock(byte[] address, int prefixLength) {
        this.ipv6 = address.length == 16;
        this.prefixLength = prefixLength;
        if (ipv6) {
            maskHigh = prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
            maskLow = prefixLength <= 64 ? 0 : -1L << (128 - prefixLength);
            networkHigh = high(address) & maskHigh;
            networkLow = low(address) & maskLow;
            network4 = 0;
            mask4 = 0;
        } else {
            mask4 = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
            network4 = int4(address) & mask4;
            networkHigh = networkLow = maskHigh = maskLow = 0;
        }
    }

    /**
     * @param text {@code 192.168.56.20}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::/0}
     * @throws IllegalArgumentException with the problem as message: not an address or block, bits set after the
     *                                  prefix, or an IPv4-mapped IPv6 block (Java reports those addresses as IPv4)
     */
    static IpBlock parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = addressText.indexOf(':') >= 0 ? parseIpv6(addressText) : parseIpv4(addressText);
        int bits = address == null ? 0 : address.length * 8;
        int prefix = slash < 0 ? bits : parsePrefix(text.substring(slash + 1), bits);
        if (address == null || prefix < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        if (bits == 128 && isIpv4Mapped(address) && prefix >= 96) {
            throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped IPv6 address; write it as IPv4"
                    + " (such addresses are matched as IPv4)");
        }
        IpBlock block = new IpBlock(address, prefix);
        if (!block.hasNoHostBits(address)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after the prefix length (the block is "
                    + block.networkText() + "/" + prefix + ")");
        }
        return block;
    }

    boolean matches4(int address) {
        return !ipv6 && (address & mask4) == network4;
    }

    boolean matches6(long high, long low) {
        return ipv6 && (high & maskHigh) == networkHigh && (low & maskLow) == networkLow;
    }

    @Override
    public String toString() {
        return networkText() + "/" + prefixLength;
    }

    private boolean hasNoHostBits(byte[] address) {
        return ipv6 ? high(address) == networkHigh && low(address) == networkLow
                : int4(address) == network4;
    }

    private String networkText() {
        byte[] bytes;
        if (ipv6) {
            bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (networkHigh >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (networkLow >>> (56 - 8 * i));
            }
        } else {
            bytes = new byte[] {(byte) (network4 >>> 24), (byte) (network4 >>> 16), (byte) (network4 >>> 8),
                    (byte) network4};
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // no lookup: the address is given
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static int int4(byte[] address) {
        return (address[0] & 0xFF) << 24 | (address[1] & 0xFF) << 16 | (address[2] & 0xFF) << 8 | address[3] & 0xFF;
    }

    static long high(byte[] address) {
        return longAt(address, 0);
    }

    static long low(byte[] address) {
        return longAt(address, 8);
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** {@code ::ffff:a.b.c.d}: 80 zero bits, 16 one bits, the IPv4 address. */
    static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
    }

    /** @return the prefix length, or -1 when {@code text} is not a decimal number in {@code 0..bits} */
    private static int parsePrefix(String text, int bits) {
        if (bits == 0 || text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= bits ? value : -1;
    }

    /** Dotted quad, four decimal numbers 0..255 without leading zeros (which some tools read as octal). */
    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    /** RFC 4291 text forms: eight groups, {@code ::} for a run of zero groups, a dotted quad as the last 32 bits. */
    static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int count = head.length + tail.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] address = new byte[16];
        for (int i = 0; i < head.length; i++) {
            address[2 * i] = (byte) (head[i] >>> 8);
            address[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int at = 16 - 2 * (tail.length - i);
            address[at] = (byte) (tail[i] >>> 8);
            address[at + 1] = (byte) tail[i];
        }
        return address;
    }

    /** Colon-separated 16-bit hex groups; the last may be a dotted quad (two groups). Empty text: no group. */
    private static int[] groups(String text, boolean ipv4Last) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        String last = parts[parts.length - 1];
        boolean withIpv4 = ipv4Last && last.indexOf('.') >= 0;
        int[] groups = new int[parts.length + (withIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length - (withIpv4 ? 1 : 0); i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = Character.digit(part.charAt(j), 16);
                if (digit < 0 || part.charAt(j) > 'f') { // Character.digit also takes full-width digits
                    return null;
                }
                value = value << 4 | digit;
            }
            groups[i] = value;
        }
        if (withIpv4) {
            byte[] ipv4 = parseIpv4(last);
            if (ipv4 == null) {
                return null;
            }
            groups[parts.length - 1] = (ipv4[0] & 0xFF) << 8 | ipv4[1] & 0xFF;
            groups[parts.length] = (ipv4[2] & 0xFF) << 8 | ipv4[3] & 0xFF;
        }
        return groups;
    }
}
