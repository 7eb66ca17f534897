package dev.modbuswatch.it;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.FrameSink;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation and detection cases of the pipeline, each on a capture this test writes, run through the packaged
 * jar like a user runs it.
 */
class DetectionScenariosIT {

    private static final InetAddress HOST = address("10.20.0.5");
    private static final InetAddress DEVICE = address("10.20.0.50");
    private static final InetAddress OTHER_HOST = address("10.20.0.6");
    private static final long START = 1_700_000_000L;
    private static final int UNIT = 10;

    @TempDir
    Path folder;

    private final List<Frame> frames = new ArrayList<>();

    private record Frame(long second, int nanos, byte[] bytes) {
    }

    private final FrameSink sink = (second, nanos, bytes) -> frames.add(new Frame(second, nanos, bytes));

    private ModbusTcpConversation connection(InetAddress client, int port, long start) {
        return new ModbusTcpConversation(client, port, DEVICE, 502, start, sink);
    }

    @Test
    void twoConnectionsFromOneHostReusingATransactionIdArePairedByConnection() throws Exception {
        ModbusTcpConversation a = connection(HOST, 40001, START).open();
        ModbusTcpConversation b = connection(HOST, 40002, START).open();
        a.fromClient(read(1, 0));
        b.fromClient(read(1, 100));
        b.fromServer(readResponse(1, 0x0B0B));
        a.fromServer(readResponse(1, 0x0A0A));
        Result result = run();

        assertThat(result.transactions).hasSize(2).allSatisfy(t -> assertThat(t).containsEntry("transaction.status", "ok"));
        assertThat(result.transactions).extracting(t -> t.get("tcp.src_port")).containsExactly("40002", "40001");
        assertThat(result.alerts).isEmpty();
    }

    @Test
    void transactionIdReusedOnOneConnectionStartsANewTransaction() throws Exception {
        connection(HOST, 40001, START).open()
                .exchange(read(7, 0), readResponse(7, 1))
                .exchange(read(7, 0), readResponse(7, 2));
        Result result = run();

        assertThat(result.transactions).extracting(t -> t.get("transaction.status")).containsExactly("ok", "ok");
    }

    @Test
    void aduSplitAcrossSegmentsIsOneTransaction() throws Exception {
        byte[] request = login(3, "abcdef");
        connection(HOST, 40001, START).open()
                .fromClient(Arrays.copyOfRange(request, 0, 9))
                .fromClient(Arrays.copyOfRange(request, 9, request.length))
                .fromServer(exception(3));
        Result result = run();

        assertThat(result.transactions).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("transaction.status", "exception"));
        assertThat(result.alertNames()).containsExactly("Bad login");
    }

    @Test
    void pipelinedRequestsAndCoalescedResponsesArePaired() throws Exception {
        connection(HOST, 40001, START).open()
                .fromClient(concat(read(1, 0), read(2, 1), read(3, 2)))
                .fromServer(concat(readResponse(1, 10), readResponse(2, 11), readResponse(3, 12)));
        Result result = run();

        assertThat(result.transactions).extracting(t -> t.get("modbus.trans_id")).containsExactly("1", "2", "3");
        assertThat(result.transactions).allSatisfy(t -> assertThat(t).containsEntry("transaction.status", "ok"));
    }

    @Test
    void retransmittedLoginAndExceptionGiveOneAlert() throws Exception {
        connection(HOST, 40001, START).open().exchange(login(7, "abcdef"), exception(7));
        Frame request = frames.get(3);
        Frame response = frames.get(4);
        frames.add(new Frame(request.second() + 1, 0, request.bytes()));
        frames.add(new Frame(response.second() + 1, 0, response.bytes()));
        Result result = run();

        assertThat(result.alertNames()).containsExactly("Bad login");
        assertThat(result.events).hasSize(2);
    }

    @Test
    void orphanExceptionIsNoAlert() throws Exception {
        connection(HOST, 40001, START).open().fromServer(exception(7));
        Result result = run();

        assertThat(result.transactions).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("transaction.status", "orphan"));
        assertThat(result.alerts).isEmpty();
    }

    @Test
    void unansweredLoginTimesOutAndIsAnUnansweredWrite() throws Exception {
        connection(HOST, 40001, START).open().fromClient(login(7, "abcdef"))
                .pause(10_000_000_000L).exchange(read(8, 0), readResponse(8, 1));
        Result result = run();

        assertThat(result.transactions).extracting(t -> t.get("transaction.status")).containsExactly("timeout", "ok");
        assertThat(result.alertNames()).containsExactly("Unanswered write");
        assertThat(result.alerts.get(0).toString()).as("passphrase masked in the alert")
                .doesNotContain("97, 98").contains("passphrase masked: 6 registers");
    }

    @Test
    void writeRangeCoveringThePassphraseFromAnotherStartIsABadLoginButOneEndingJustBeforeIsNot() throws Exception {
        connection(HOST, 40001, START).open()
                .exchange(adu(1, UNIT, writeMultiple(29, 4)), exception(1))
                .exchange(adu(2, UNIT, writeMultiple(25, 6)), exception(2));
        Result result = run();

        assertThat(result.alerts).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("SecurityAlert", "Bad login").containsEntry("modbus.trans_id", "1")
                .hasEntrySatisfying("SecurityDetails", d -> assertThat(d).contains("starting address 29, quantity 4")));
    }

    @Test
    void writeSingleRegisterOnThePassphraseRegisterIsABadLogin() throws Exception {
        connection(HOST, 40001, START).open()
                .exchange(adu(4, UNIT, hex("06 001f 0061")), adu(4, UNIT, hex("86 02")));
        Result result = run();

        assertThat(result.alertNames()).containsExactly("Bad login");
        assertThat(result.alerts.get(0).get("SecurityDetails")).contains("Write Single Register (06)")
                .contains("passphrase masked: 1 registers").doesNotContain("97");
    }

    @Test
    void fiveBadLoginsWithinAMinuteAreABruteForceBurst() throws Exception {
        ModbusTcpConversation attacker = connection(HOST, 40001, START).open();
        for (int attempt = 1; attempt <= 5; attempt++) {
            attacker.exchange(login(attempt, "guess" + attempt), exception(attempt)).pause(5_000_000_000L);
        }
        Result result = run();

        assertThat(result.alertNames()).containsExactly("Bad login", "Bad login", "Bad login", "Bad login",
                "Bad login", "Login brute force");
        assertThat(result.alerts.get(5).get("SecurityDetails")).startsWith("5 bad logins within 60.0 s");
    }

    @Test
    void aBurstThatGoesOnAfterItsAlertIsOneBurstUntilAWindowWithoutBadLogins() throws Exception {
        ModbusTcpConversation attacker = connection(HOST, 40001, START).open();
        for (int attempt = 1; attempt <= 12; attempt++) {
            attacker.exchange(login(attempt, "guess" + attempt), exception(attempt)).pause(5_000_000_000L);
        }
        attacker.pause(61_000_000_000L);
        for (int attempt = 13; attempt <= 17; attempt++) {
            attacker.exchange(login(attempt, "guess" + attempt), exception(attempt)).pause(1_000_000_000L);
        }
        Result result = run();

        assertThat(result.alertNames()).filteredOn("Login brute force"::equals).hasSize(2);
        assertThat(result.alertNames()).filteredOn("Bad login"::equals).hasSize(17);
        assertThat(result.alertNames().get(5)).isEqualTo("Login brute force");
        assertThat(result.alertNames().get(result.alertNames().size() - 1)).isEqualTo("Login brute force");
    }

    @Test
    void badLoginsSpreadOverMoreThanTheWindowAreNoBurst() throws Exception {
        ModbusTcpConversation attacker = connection(HOST, 40001, START).open();
        for (int attempt = 1; attempt <= 5; attempt++) {
            attacker.exchange(login(attempt, "guess" + attempt), exception(attempt)).pause(20_000_000_000L);
        }
        Result result = run();

        assertThat(result.alertNames()).containsOnly("Bad login").hasSize(5);
    }

    @Test
    void malformedTrafficThenABadLoginOnAnotherConnection() throws Exception {
        connection(OTHER_HOST, 40009, START).open().fromClient("SSH-2.0-OpenSSH_9.2\r\n".getBytes())
                .fromClient("more junk on 502".getBytes());
        connection(HOST, 40001, START + 1).open().exchange(login(7, "abcdef"), exception(7));
        Result result = run();

        assertThat(result.alertNames()).containsExactly("Protocol anomaly", "Bad login");
        assertThat(result.alerts.get(0)).containsEntry("ipv4.src", "10.20.0.6");
    }

    @Test
    void writeToAProtectedRegisterWithoutLoginIsUnauthorizedButNotAfterALogin() throws Exception {
        connection(HOST, 40001, START).open()
                .exchange(adu(1, UNIT, hex("06 0001 0190")), adu(1, UNIT, hex("06 0001 0190")));
        connection(HOST, 40002, START + 1).open()
                .exchange(login(1, "secret"), adu(1, UNIT, writeResponse(31, 3)))
                .exchange(adu(2, UNIT, hex("06 0001 0190")), adu(2, UNIT, hex("06 0001 0190")));
        Result result = run();

        assertThat(result.alerts).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("SecurityAlert", "Unauthorized write").containsEntry("tcp.dst_port", "40001"));
    }

    @Test
    void transactionIdReusedWhileARequestIsPendingEndsThePendingOne() throws Exception {
        connection(HOST, 40001, START).open()
                .fromClient(read(1, 0))
                .fromClient(adu(1, UNIT, hex("06 0001 0190")))
                .fromServer(adu(1, UNIT, hex("06 0001 0190")));
        Result result = run();

        assertThat(result.transactions).extracting(t -> t.get("transaction.status")).containsExactly("timeout", "ok");
        assertThat(result.transactions.get(1)).containsEntry("transaction.request.function_code",
                "Write Single Register (06)");
        assertThat(result.alertNames()).containsExactly("Unauthorized write");
    }

    @Test
    void maskWriteToAProtectedRegisterWithoutLoginIsUnauthorized() throws Exception {
        connection(HOST, 40001, START).open()
                .exchange(adu(1, UNIT, hex("16 0002 0000 0001")), adu(1, UNIT, hex("16 0002 0000 0001")));
        Result result = run();

        assertThat(result.alertNames()).containsExactly("Unauthorized write");
    }

    @Test
    void answerArrivingJustAfterTheTimeoutIsAnOrphan() throws Exception {
        connection(HOST, 40001, START).open()
                .fromClient(login(7, "abcdef")).pause(5_300_000_000L).fromServer(exception(7));
        Result result = run();

        assertThat(result.transactions).extracting(t -> t.get("transaction.status"))
                .containsExactly("timeout", "orphan");
        assertThat(result.alertNames()).containsExactly("Unanswered write");
    }

    private record Result(List<Map<String, String>> events, List<Map<String, String>> alerts,
                          List<Map<String, String>> transactions) {
        List<String> alertNames() {
            return alerts.stream().map(a -> a.get("SecurityAlert")).toList();
        }
    }

    private Result run() throws Exception {
        Path capture = folder.resolve("scenario.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(capture, CaptureFileSettings.of(LinkType.ETHERNET))) {
            List<Frame> inTimeOrder = new ArrayList<>(frames);
            inTimeOrder.sort((x, y) -> x.second() != y.second() ? Long.compare(x.second(), y.second())
                    : Integer.compare(x.nanos(), y.nanos()));
            for (Frame frame : inTimeOrder) {
                writer.write(frame.second(), frame.nanos(), frame.bytes());
            }
        }
        OneShotProcess run = OneShotProcess.run(capture, folder.resolve("out"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return new Result(run.events(), run.jsonLines("alerts.jsonl"), run.jsonLines("transactions.jsonl"));
    }

    private static byte[] read(int transaction, int start) {
        return adu(transaction, UNIT, hex(String.format("03 %04x 0001", start)));
    }

    private static byte[] readResponse(int transaction, int value) {
        return adu(transaction, UNIT, hex(String.format("03 02 %04x", value)));
    }

    /** A passphrase write: the characters one per register at 31, as the seed's device expects. */
    /** A login: Write Multiple Registers of the passphrase at register 31 of the thermostat profile. */
    static byte[] login(int transaction, String passphrase) {
        StringBuilder pdu = new StringBuilder(String.format("10 001f %04x %02x", passphrase.length(),
                2 * passphrase.length()));
        for (char c : passphrase.toCharArray()) {
            pdu.append(String.format(" %04x", (int) c));
        }
        return adu(transaction, UNIT, hex(pdu.toString()));
    }

    private static byte[] writeMultiple(int start, int quantity) {
        StringBuilder pdu = new StringBuilder(String.format("10 %04x %04x %02x", start, quantity, 2 * quantity));
        for (int i = 0; i < quantity; i++) {
            pdu.append(" 0061");
        }
        return hex(pdu.toString());
    }

    private static byte[] writeResponse(int start, int quantity) {
        return hex(String.format("10 %04x %04x", start, quantity));
    }

    /** The device's refusal of a write: exception response, Illegal Data Address. */
    static byte[] exception(int transaction) {
        return adu(transaction, UNIT, hex("90 02"));
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
