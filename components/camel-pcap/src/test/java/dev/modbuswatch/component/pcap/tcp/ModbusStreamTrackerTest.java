package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.packet.TcpSegment;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModbusStreamTrackerTest {

    private static final InetAddress CLIENT = address(10, 0, 0, 1);
    private static final InetAddress SERVER = address(10, 0, 0, 2);
    private static final int CLIENT_PORT = 52701;
    private static final long CLIENT_ISN = 1000;
    private static final long SERVER_ISN = 9000;

    private final List<Object> received = new ArrayList<>();
    private final StreamListener listener = new StreamListener() {
        @Override
        public void onAdu(ModbusAdu adu) {
            received.add(adu);
        }

        @Override
        public void onAnomaly(StreamAnomaly anomaly) {
            received.add(anomaly);
        }
    };
    private ModbusStreamTracker tracker = new ModbusStreamTracker(new int[] {502}, 100, 4096, 300, listener);
    private long time = 1_700_000_000L;

    /** Read Holding Registers request, transaction {@code id}: 12 bytes. */
    private static byte[] request(int id) {
        return hex(String.format("%04x 0000 0006 0a 03 0000 0002", id));
    }

    /** Read Holding Registers response, transaction {@code id}: 13 bytes. */
    private static byte[] response(int id) {
        return hex(String.format("%04x 0000 0007 0a 03 04 0185 0001", id));
    }

    @Test
    void oneAduPerSegmentInBothDirections() {
        toServer(CLIENT_ISN, request(7));
        toClient(SERVER_ISN, response(7));

        assertThat(adus()).hasSize(2);
        ModbusAdu request = adus().get(0);
        assertThat(request.fromServer()).isFalse();
        assertThat(request.transactionId()).isEqualTo(7);
        assertThat(request.protocolId()).isZero();
        assertThat(request.length()).isEqualTo(6);
        assertThat(request.unitId()).isEqualTo(10);
        assertThat(request.pdu()).containsExactly(hex("03 0000 0002"));
        assertThat(request.connection().client()).isEqualTo(CLIENT);
        assertThat(request.connection().clientPort()).isEqualTo(CLIENT_PORT);
        assertThat(request.connection().serverPort()).isEqualTo(502);
        assertThat(adus().get(1).fromServer()).isTrue();
        assertThat(adus().get(1).pdu()).containsExactly(hex("03 04 0185 0001"));
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void severalAdusInOneSegment() {
        toServer(CLIENT_ISN, concat(request(1), request(2), request(3)));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
    }

    @Test
    void oneAduAcrossSegmentsSplitInHeaderAndBody() {
        byte[] adu = request(5);
        toServer(CLIENT_ISN, slice(adu, 0, 3));
        time++;
        toServer(CLIENT_ISN + 3, slice(adu, 3, 9));
        assertThat(adus()).isEmpty();
        time++;
        toServer(CLIENT_ISN + 9, concat(slice(adu, 9, 12), slice(request(6), 0, 4)));
        toServer(CLIENT_ISN + 16, slice(request(6), 4, 12));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(5, 6);
        assertThat(adus().get(0).epochSecond()).as("time of the completing segment").isEqualTo(time);
        assertThat(adus().get(0).pdu()).containsExactly(hex("03 0000 0002"));
    }

    @Test
    void retransmittedSegmentIsDroppedAndCounted() {
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN + 12, request(2));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2);
        assertThat(tracker.statistics().retransmittedSegments()).isEqualTo(1);
        assertThat(tracker.statistics().retransmittedBytes()).isEqualTo(12);
    }

    @Test
    void partlyRetransmittedSegmentYieldsOnlyTheNewBytes() {
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN, concat(request(1), request(2)));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2);
        assertThat(tracker.statistics().retransmittedBytes()).isEqualTo(12);
    }

    @Test
    void outOfOrderSegmentsAreFramedInSequenceOrder() {
        segment(true, CLIENT_ISN - 1, 0, TcpSegment.SYN, new byte[0]);
        toServer(CLIENT_ISN + 12, request(2));
        toServer(CLIENT_ISN + 24, request(3));
        assertThat(received).as("nothing before the hole is filled").isEmpty();
        toServer(CLIENT_ISN, request(1));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void gapAcknowledgedByThePeerIsSkippedAndFramingResumes() {
        toServer(CLIENT_ISN, request(1));
        toClient(SERVER_ISN, response(1));
        // request 2 (12 bytes) never captured; request 3 arrives, then the server acknowledges both
        toServer(CLIENT_ISN + 24, request(3));
        assertThat(adus()).hasSize(2);
        segment(false, SERVER_ISN + 13, CLIENT_ISN + 36, TcpSegment.ACK, response(2));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 1, 3, 2);
        StreamAnomaly gap = anomalies().get(0);
        assertThat(gap.kind()).isEqualTo(StreamAnomaly.Kind.GAP);
        assertThat(gap.bytes()).isEqualTo(12);
        assertThat(gap.fromServer()).isFalse();
        assertThat(tracker.statistics().gaps()).isEqualTo(1);
    }

    @Test
    void severalHolesAcknowledgedAtOnceAreAllGivenUp() {
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN + 24, request(3));
        toServer(CLIENT_ISN + 48, request(5));
        segment(false, SERVER_ISN, CLIENT_ISN + 60, TcpSegment.ACK, new byte[0]);

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 3, 5);
        assertThat(anomalies()).extracting(StreamAnomaly::bytes).containsExactly(12L, 12L);
    }

    @Test
    void gapInsideAnAduDropsThatAduAndResynchronisesAtTheNextSegment() {
        byte[] adu = request(1);
        // bytes 8..12 lost; next segment starts a new ADU, held until the buffer limit gives up on the hole
        tracker = new ModbusStreamTracker(new int[] {502}, 100, 10, 300, listener);
        toServer(CLIENT_ISN, slice(adu, 0, 8));
        toServer(CLIENT_ISN + 12, request(2));

        assertThat(anomalies()).extracting(StreamAnomaly::kind)
                .containsExactly(StreamAnomaly.Kind.GAP, StreamAnomaly.Kind.INCOMPLETE_ADU);
        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(2);
    }

    @Test
    void nonModbusBytesOnTheModbusPortAreReportedThenFramingResumes() {
        toServer(CLIENT_ISN, "GET / HTTP/1.1\r\nHost: plc\r\n\r\n".getBytes());
        toServer(CLIENT_ISN + 29, request(4));

        assertThat(anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(StreamAnomaly.Kind.MALFORMED_HEADER);
            assertThat(anomaly.bytes()).isEqualTo(29);
            assertThat(anomaly.detail()).startsWith("MBAP protocol identifier 21536 is not Modbus (0)");
        });
        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(4);
        assertThat(tracker.statistics().malformedHeaders()).isEqualTo(1);
    }

    @Test
    void absurdLengthFieldIsReportedAndTheRestOfTheSegmentSkipped() {
        toServer(CLIENT_ISN, concat(request(1), hex("0002 0000 8804 0a 03 0000 0001"), request(3)));
        toServer(CLIENT_ISN + 36, request(4));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 4);
        assertThat(anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.detail()).startsWith("MBAP length 34820 outside 2..256");
            assertThat(anomaly.bytes()).isEqualTo(24);
        });
        assertThat(tracker.statistics().discardedBytes()).isEqualTo(24);
    }

    @Test
    void nonZeroProtocolIdentifierIsNotModbus() {
        toServer(CLIENT_ISN, hex("0001 0010 0006 0a 03 0000 0002"));
        toServer(CLIENT_ISN + 12, request(2));

        assertThat(anomalies()).singleElement().satisfies(anomaly -> assertThat(anomaly.detail())
                .startsWith("MBAP protocol identifier 16 is not Modbus (0)"));
        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(2);
    }

    @Test
    void sequenceNumbersWrapAround() {
        long nearEnd = 0xFFFF_FFFFL - 5;
        byte[] both = concat(request(1), request(2));
        toServer(nearEnd, slice(both, 0, 10));
        toServer(nearEnd + 10 & 0xFFFF_FFFFL, slice(both, 10, 24));
        toServer(nearEnd + 24 & 0xFFFF_FFFFL, request(3));
        toServer(nearEnd, slice(both, 0, 10));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
        assertThat(tracker.statistics().retransmittedSegments()).isEqualTo(1);
    }

    @Test
    void segmentCutBySnapshotLengthLeavesAGap() {
        byte[] adu = request(1);
        segment(true, CLIENT_ISN, 0, TcpSegment.ACK, slice(adu, 0, 6), 6);
        toServer(CLIENT_ISN + 12, request(2));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(2);
        assertThat(anomalies()).extracting(StreamAnomaly::kind)
                .containsExactly(StreamAnomaly.Kind.GAP, StreamAnomaly.Kind.INCOMPLETE_ADU);
    }

    @Test
    void endOfCaptureReportsAnIncompleteAdu() {
        toServer(CLIENT_ISN, slice(request(1), 0, 9));
        tracker.endAll(time, 0);

        assertThat(anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(StreamAnomaly.Kind.INCOMPLETE_ADU);
            assertThat(anomaly.detail()).contains("9 of 12 bytes");
        });
        assertThat(tracker.openConnections()).isZero();
    }

    @Test
    void segmentsAwayFromModbusPortsAreIgnored() {
        tracker = new ModbusStreamTracker(new int[] {5020}, 100, 4096, 300, listener);
        toServer(CLIENT_ISN, request(1));

        assertThat(received).isEmpty();
        assertThat(tracker.statistics().segmentsOffModbusPorts()).isEqualTo(1);
    }

    @Test
    void idleConnectionsAreForgottenAndTheTableIsBounded() {
        tracker = new ModbusStreamTracker(new int[] {502}, 2, 4096, 60, listener);
        toServer(CLIENT_ISN, request(1));
        time += 61;
        segment(true, CLIENT_PORT + 1, CLIENT_ISN, 0, TcpSegment.ACK, request(2), 0);
        assertThat(tracker.openConnections()).as("the idle one is gone").isEqualTo(1);
        segment(true, CLIENT_PORT + 2, CLIENT_ISN, 0, TcpSegment.ACK, request(3), 0);
        segment(true, CLIENT_PORT + 3, CLIENT_ISN, 0, TcpSegment.ACK, request(4), 0);

        assertThat(tracker.openConnections()).isEqualTo(2);
        assertThat(tracker.statistics().connectionsEvicted()).isEqualTo(2);
        assertThat(tracker.statistics().connections()).isEqualTo(4);
    }

    @Test
    void finishedConnectionIgnoresLateRetransmissionsAndSynReopensIt() {
        toServer(CLIENT_ISN, request(1));
        segment(true, CLIENT_ISN + 12, 0, TcpSegment.FIN | TcpSegment.ACK, new byte[0]);
        toServer(CLIENT_ISN, request(1));
        assertThat(adus()).hasSize(1);
        segment(true, 5000, 0, TcpSegment.SYN, new byte[0]);
        toServer(5001, request(9));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 9);
    }

    @Test
    void closedConnectionIsForgottenAfterLingering() {
        toServer(CLIENT_ISN, request(1));
        segment(true, CLIENT_ISN + 12, SERVER_ISN, TcpSegment.FIN | TcpSegment.ACK, new byte[0]);
        segment(false, SERVER_ISN, CLIENT_ISN + 13, TcpSegment.FIN | TcpSegment.ACK, new byte[0]);
        time += ModbusStreamTracker.CLOSED_LINGER_SECONDS - 1;
        segment(true, CLIENT_PORT + 1, CLIENT_ISN, 0, TcpSegment.SYN, new byte[0], 0);
        assertThat(tracker.openConnections()).as("still lingering").isEqualTo(2);
        time += 1;
        segment(true, CLIENT_PORT + 1, CLIENT_ISN + 1, 0, TcpSegment.ACK, new byte[0], 0);

        assertThat(tracker.openConnections()).isEqualTo(1);
        assertThat(tracker.statistics().connectionsEvicted()).as("closing is not eviction").isZero();
    }

    @Test
    void finAfterAHoleWaitsForTheRetransmissionThatFillsIt() {
        toServer(CLIENT_ISN, request(1));
        segment(true, CLIENT_ISN + 24, SERVER_ISN, TcpSegment.FIN | TcpSegment.ACK | TcpSegment.PSH, request(3));
        toServer(CLIENT_ISN + 12, request(2));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void dataOnASynStartsAfterTheSynSequenceNumber() {
        segment(true, CLIENT_ISN - 1, 0, TcpSegment.SYN, request(1));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1);
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void lateDuplicateSynDoesNotRewindTheStream() {
        segment(true, CLIENT_ISN - 1, 0, TcpSegment.SYN, new byte[0]);
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN + 12, request(2));
        segment(true, CLIENT_ISN - 1, 0, TcpSegment.SYN, new byte[0]);
        toServer(CLIENT_ISN, request(1));
        toServer(CLIENT_ISN + 24, request(3));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
    }

    @Test
    void emptyHeldSegmentsCountAgainstTheLimit() {
        tracker = new ModbusStreamTracker(new int[] {502}, 100, 200, 300, listener);
        segment(true, CLIENT_ISN, 0, TcpSegment.ACK, new byte[0], 12);
        for (int i = 2; i < 1_000; i++) {
            segment(true, CLIENT_ISN + 12L * i, 0, TcpSegment.ACK, new byte[0], 12);
        }

        assertThat(tracker.heldSegments()).isLessThanOrEqualTo(4);
        assertThat(tracker.statistics().gaps()).isGreaterThan(0);
    }

    @Test
    void heldSegmentCutBySnapshotLengthKeepsItsLength() {
        toServer(CLIENT_ISN, request(1));
        segment(true, CLIENT_ISN + 24, SERVER_ISN, TcpSegment.ACK, slice(request(3), 0, 6), 6);
        toServer(CLIENT_ISN + 12, request(2));
        toServer(CLIENT_ISN + 36, request(4));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 4);
    }

    @Test
    void trafficAfterAResetKeepsTheConnection() {
        toServer(CLIENT_ISN, request(1));
        segment(false, SERVER_ISN, CLIENT_ISN + 12, TcpSegment.RST | TcpSegment.ACK, new byte[0]);
        time += 30;
        toServer(CLIENT_ISN + 12, slice(request(2), 0, 8));
        time += 31;
        segment(true, CLIENT_PORT + 1, CLIENT_ISN, 0, TcpSegment.SYN, new byte[0], 0);
        toServer(CLIENT_ISN + 20, slice(request(2), 8, 12));
        toServer(CLIENT_ISN + 24, request(3));

        assertThat(adus()).extracting(ModbusAdu::transactionId).containsExactly(1, 2, 3);
    }

    @Test
    void oneFarFutureTimestampDoesNotStallForgettingClosedConnections() {
        tracker = new ModbusStreamTracker(new int[] {502}, 100_000, 4096, 300, listener);
        long start = time;
        time = start + 10L * 365 * 86400;
        segment(true, 1, CLIENT_ISN, SERVER_ISN, TcpSegment.RST, new byte[0], 0);
        time = start;
        for (int port = 2; port < 2_002; port++) {
            time++;
            segment(true, port, CLIENT_ISN, SERVER_ISN, TcpSegment.ACK | TcpSegment.PSH, request(1), 0);
            segment(true, port, CLIENT_ISN + 12, SERVER_ISN, TcpSegment.RST, new byte[0], 0);
        }

        assertThat(tracker.openConnections()).isLessThan(100);
    }

    private void toServer(long sequence, byte[] payload) {
        segment(true, sequence, SERVER_ISN, TcpSegment.ACK | TcpSegment.PSH, payload);
    }

    private void toClient(long sequence, byte[] payload) {
        segment(false, sequence, CLIENT_ISN, TcpSegment.ACK | TcpSegment.PSH, payload);
    }

    private void segment(boolean toServer, long sequence, long ack, int flags, byte[] payload) {
        segment(toServer, sequence, ack, flags, payload, 0);
    }

    private void segment(boolean toServer, long sequence, long ack, int flags, byte[] payload, int missing) {
        segment(toServer, CLIENT_PORT, sequence, ack, flags, payload, missing);
    }

    private void segment(boolean toServer, int clientPort, long sequence, long ack, int flags, byte[] payload,
                         int missing) {
        byte[] frame = concat(new byte[3], payload);
        tracker.onSegment(toServer
                ? new TcpSegment(time, 0, CLIENT, clientPort, SERVER, 502, sequence, ack, flags, frame, 3, payload.length)
                : new TcpSegment(time, 0, SERVER, 502, CLIENT, clientPort, sequence, ack, flags, frame, 3,
                        payload.length), missing);
    }

    private List<ModbusAdu> adus() {
        return received.stream().filter(ModbusAdu.class::isInstance).map(ModbusAdu.class::cast).toList();
    }

    private List<StreamAnomaly> anomalies() {
        return received.stream().filter(StreamAnomaly.class::isInstance).map(StreamAnomaly.class::cast).toList();
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
