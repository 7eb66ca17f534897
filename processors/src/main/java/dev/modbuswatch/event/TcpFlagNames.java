package dev.modbuswatch.event;

/** TCP flags as NXLog and tshark print them: {@code [PSH, ACK]}, names in bit order. */
final class TcpFlagNames {

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    private static final String[] TEXTS = new String[256];

    static {
        for (int flags = 0; flags < TEXTS.length; flags++) {
            StringBuilder text = new StringBuilder("[");
            for (int bit = 0; bit < NAMES.length; bit++) {
                if ((flags & 1 << bit) != 0) {
                    text.append(text.length() > 1 ? ", " : "").append(NAMES[bit]);
                }
            }
            TEXTS[flags] = text.append(']').toString();
        }
    }

    static String of(int flags) {
        return TEXTS[flags & 0xFF];
    }

    private TcpFlagNames() {
    }
}
