package dev.modbuswatch.bench.jmh;

import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.packet.FrameDecodeException;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.event.EventTimeFormat;
import dev.modbuswatch.event.ModbusEventMapper;
import dev.modbuswatch.output.JsonLines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of the one-shot run without Camel: the ADUs of the benchmark capture ({@link SyntheticCaptureGenerator},
 * 8 connections) turned into im_pcap events ({@link ModbusEventMapper}), and those events written as JSON lines
 * ({@link JsonLines}), one buffer per capture batch as the split's strategy does. Score: PDUs per second.
 */
public class EventEncodingBenchmark extends ThroughputBenchmark {

    private static final int TRANSACTIONS = 8000;
    private static final int PDUS = 2 * TRANSACTIONS;
    /** ADUs per capture batch, as modbus.capture.batch-size sets by default: one JSON lines buffer each. */
    private static final int BATCH = 500;

    private final List<ModbusAdu> adus = new ArrayList<>(PDUS);
    private final ModbusEventMapper mapper = new ModbusEventMapper(EventTimeFormat.of("UTC"), "pcap_in");
    private List<ModbusMessage> messages;

    @Setup
    public void setUp() throws IOException, FrameDecodeException {
        BenchmarkCapture.reassemble(BenchmarkCapture.frames(TRANSACTIONS, 8), adus::add, anomaly -> {
        });
        if (adus.size() != PDUS) {
            throw new IllegalStateException("expected " + PDUS + " ADUs, got " + adus.size());
        }
        messages = mapper.toMessages(adus);
    }

    @Benchmark
    @OperationsPerInvocation(PDUS)
    public List<ModbusMessage> events() {
        return mapper.toMessages(adus);
    }

    @Benchmark
    @OperationsPerInvocation(PDUS)
    public int eventLines() {
        int bytes = 0;
        for (int start = 0; start < PDUS; start += BATCH) {
            JsonLines lines = new JsonLines(512 * BATCH);
            for (ModbusMessage message : messages.subList(start, start + BATCH)) {
                lines.addRecord(message.event());
            }
            bytes += lines.toByteArray().length;
        }
        return bytes;
    }
}
