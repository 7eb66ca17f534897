package dev.modbuswatch.bench;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.FrameSink;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;

/**
 * Writes a large synthetic capture for the benchmark: N transactions (2N PDUs) over M connections, connection c to
 * device c mod D, taking turns, each request answered at once. Ordinary traffic is reads of holding and input
 * registers and writes to the unprotected register 3 of the default profile, so it raises no alert. K of the
 * transactions, spread evenly and taking the connections in turn, are bad logins (a wrong passphrase written at register 31, answered by exception 2),
 * each raising one {@code Bad login} alert; where they are is written to {@code FILE.planted.jsonl} (see
 * {@link PlantedAlerts}). Frames are written as they are made, so memory does not grow with N.
 * <p>
 * Addresses are on the loopback network (clients 127.0.1.x, devices 127.0.2.x, port 502) so that the capture can be
 * replayed onto {@code lo}. Same bytes on every run.
 * <p>
 * Usage: {@code java -cp target/modbus-watch.jar dev.modbuswatch.bench.SyntheticCaptureGenerator --transactions
 * 500000 --connections 8 --devices 4 --bad-logins 10 --out /tmp/bench.pcap}
 */
@Command(name = "SyntheticCaptureGenerator", mixinStandardHelpOptions = true,
         description = "Writes a synthetic Modbus/TCP capture with bad logins at known positions.")
public final class SyntheticCaptureGenerator implements Callable<Integer> {

    static final long START_EPOCH_SECOND = 1_763_800_000L; // 2025-11-22T08:26:40Z
    static final int UNIT = 10;
    static final int SERVER_PORT = 502;
    static final int FIRST_CLIENT_PORT = 40_000;
    private static final int FRAMES_PER_OPEN = 3;
    private static final HexFormat HEX = HexFormat.of();

    // The ordinary requests, taken in turn, with their responses.
    private static final byte[][] REQUESTS = {
        hex("03 0000 0005"), hex("04 0000 0002"), hex("06 0003 0001"), hex("03 0004 0001")};
    private static final byte[][] RESPONSES = {
        hex("03 0a 0096 0190 0001 0000 0185"), hex("04 04 0102 0304"), hex("06 0003 0001"), hex("03 02 0185")};
    private static final byte[] BAD_LOGIN = hex("10 001f 0006 0c 0061 0062 0063 0064 0065 0066");
    private static final byte[] BAD_LOGIN_ANSWER = hex("90 02");

    @Option(names = "--transactions", defaultValue = "500000", description = "Transactions (requests with their "
            + "responses), so twice as many PDUs (default: ${DEFAULT-VALUE}).")
    long transactions;

    @Option(names = "--connections", defaultValue = "8", description = "TCP connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--devices", defaultValue = "4", description = "Devices (servers) (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--bad-logins", defaultValue = "10", description = "Bad logins among the transactions, spread "
            + "evenly (default: ${DEFAULT-VALUE}).")
    long badLogins;

    @Option(names = "--step-us", defaultValue = "1000", description = "Microseconds between frames "
            + "(default: ${DEFAULT-VALUE}).")
    long stepMicros;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The pcap file to write; the bad "
            + "logins are listed in FILE.planted.jsonl.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyntheticCaptureGenerator()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        check(transactions >= 1, "--transactions must be at least 1");
        check(connections >= 1 && connections <= 250, "--connections must be 1 to 250");
        check(devices >= 1 && devices <= Math.min(connections, 250), "--devices must be 1 to --connections");
        check(badLogins >= 0 && badLogins <= transactions / (2L * connections),
                "--bad-logins must be 0 to --transactions / (2 x --connections) = " + transactions / (2L * connections)
                        + ", not " + badLogins);
        check(stepMicros >= 1, "--step-us must be at least 1");
        List<PlantedAlerts.Planted> planted = write();
        PlantedAlerts.write(PlantedAlerts.fileFor(out), planted);
        System.err.printf("%s: %d frames, %d PDUs over %d connections to %d devices, %d bad logins (%s)%n", out,
                FRAMES_PER_OPEN * 2L * connections + 2 * transactions, 2 * transactions, connections, devices,
                planted.size(), PlantedAlerts.fileFor(out).getFileName());
        return 0;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(new CommandLine(new SyntheticCaptureGenerator()), message);
        }
    }

    List<PlantedAlerts.Planted> write() throws IOException {
        try (CaptureFileWriter writer = PcapFileWriter.create(out, CaptureFileSettings.of(LinkType.ETHERNET))) {
            return writeTo(writer::write);
        }
    }

    /**
     * The generator without a file, for benchmarks of the parts: {@code transactions} over {@code connections} to
     * {@code devices}, with {@code badLogins}, written to {@code sink}.
     */
    public static List<PlantedAlerts.Planted> generate(long transactions, int connections, int devices,
                                                       long badLogins, FrameSink sink) throws IOException {
        SyntheticCaptureGenerator generator = new SyntheticCaptureGenerator();
        generator.transactions = transactions;
        generator.connections = connections;
        generator.devices = devices;
        generator.badLogins = badLogins;
        generator.stepMicros = 1000;
        return generator.writeTo(sink);
    }

    private List<PlantedAlerts.Planted> writeTo(FrameSink sink) throws IOException {
        long step = stepMicros * 1_000;
        long clock = START_EPOCH_SECOND * 1_000_000_000L;
        List<PlantedAlerts.Planted> planted = new ArrayList<>();
        ModbusTcpConversation[] conversations = new ModbusTcpConversation[connections];
        int[] transactionIds = new int[connections];
        for (int c = 0; c < connections; c++) {
            conversations[c] = new ModbusTcpConversation(client(c), FIRST_CLIENT_PORT + c, device(c), SERVER_PORT,
                    START_EPOCH_SECOND, sink).step(step).at(clock).open();
            clock += FRAMES_PER_OPEN * step;
        }
        long nextBadLogin = 0;
        for (long t = 0; t < transactions; t++) {
            int c = (int) (t % connections);
            int transactionId = transactionIds[c]++ & 0xFFFF;
            boolean badLogin = nextBadLogin < badLogins && t == position(nextBadLogin);
            if (badLogin) {
                nextBadLogin++;
                long responseTime = clock + step;
                planted.add(new PlantedAlerts.Planted(t, device(c).getHostAddress(), client(c).getHostAddress(),
                        FIRST_CLIENT_PORT + c, transactionId, responseTime / 1_000_000_000L,
                        (int) (responseTime % 1_000_000_000L)));
                conversations[c].at(clock).exchange(adu(transactionId, UNIT, BAD_LOGIN),
                        adu(transactionId, UNIT, BAD_LOGIN_ANSWER));
            } else {
                int kind = (int) (t / connections % REQUESTS.length);
                conversations[c].at(clock).exchange(adu(transactionId, UNIT, REQUESTS[kind]),
                        adu(transactionId, UNIT, RESPONSES[kind]));
            }
            clock += 2 * step;
        }
        for (int c = 0; c < connections; c++) {
            conversations[c].at(clock).close();
            clock += FRAMES_PER_OPEN * step;
        }
        return planted;
    }

    /**
     * The transaction index of the k-th bad login: near the middle of the k-th of K equal parts, on connection k mod M
     * so that the bad logins take the connections in turn.
     */
    private long position(long k) {
        long middle = (2 * k + 1) * transactions / (2 * badLogins);
        return middle + Math.floorMod(k - middle, (long) connections);
    }

    static InetAddress client(int connection) {
        return address(127, 0, 1, 1 + connection);
    }

    InetAddress device(int connection) {
        return address(127, 0, 2, 1 + connection % devices);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String text) {
        return HEX.parseHex(text.replace(" ", ""));
    }
}
