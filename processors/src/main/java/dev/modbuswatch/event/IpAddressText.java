package dev.modbuswatch.event;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Addresses as tshark and NXLog print them: dotted IPv4, and IPv6 in the RFC 5952 compressed form. */
public final class IpAddressText {

    /** A capture holds few addresses and every event names two: each is formatted once, up to this many kept. */
    private static final int KEPT = 4096;
    private static final Map<InetAddress, String> TEXTS = new ConcurrentHashMap<>();

    private IpAddressText() {
    }

    public static String of(InetAddress address) {
        String text = TEXTS.get(address);
        if (text == null) {
            text = format(address);
            if (TEXTS.size() < KEPT) {
                TEXTS.put(address, text);
            }
        }
        return text;
    }

    private static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
