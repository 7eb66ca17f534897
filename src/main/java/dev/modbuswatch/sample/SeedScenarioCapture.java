package dev.modbuswatch.sample;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HexFormat;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;

/**
 * Writes the bundled sample capture: the seed's scenario on a small device (registers 0 low threshold, 1 high
 * threshold, 2 alert mode, 4 temperature in tenths of a degree, passphrase written at register 31). An operator reads
 * the registers and logs in with the right passphrase; then a second client tries a wrong one ("abcdef", registers
 * 97..102) and the device answers with exception 2, Illegal Data Address. Same bytes on every run.
 * <p>
 * Usage: {@code java -cp target/modbus-watch.jar dev.modbuswatch.sample.SeedScenarioCapture samples/seed-scenario.pcap}
 */
public final class SeedScenarioCapture {

    static final InetAddress CLIENT = address("192.168.56.10");
    static final InetAddress DEVICE = address("192.168.56.20");
    static final int UNIT = 10;
    static final long START = 1_763_800_000L; // 2025-11-22T08:26:40Z

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SeedScenarioCapture <output.pcap>");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    public static void write(Path file) throws IOException {
        try (CaptureFileWriter writer = PcapFileWriter.create(file, CaptureFileSettings.of(LinkType.ETHERNET))) {
            new ModbusTcpConversation(CLIENT, 52701, DEVICE, 502, START, writer::write)
                    .open()
                    .exchange(adu(9, UNIT, hex("03 0000 0005")),
                            adu(9, UNIT, hex("03 0a 0096 0190 0001 0000 0185")))
                    .exchange(adu(10, UNIT, hex("10 001f 0006 0c 0073 0065 0063 0072 0065 0074")),
                            adu(10, UNIT, hex("10 001f 0006")))
                    .close();
            new ModbusTcpConversation(CLIENT, 39565, DEVICE, 502, START + 60, writer::write)
                    .open()
                    .exchange(adu(7, UNIT, hex("10 001f 0006 0c 0061 0062 0063 0064 0065 0066")),
                            adu(7, UNIT, hex("90 02")))
                    .close();
        }
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private SeedScenarioCapture() {
    }
}
