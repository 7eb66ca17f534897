package dev.modbuswatch.bench.jmh;

import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import dev.modbuswatch.component.pcap.packet.FrameDecodeException;
import dev.modbuswatch.component.pcap.packet.FrameDecoder;
import dev.modbuswatch.component.pcap.tcp.ModbusStreamTracker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.List;

/**
 * Frame decoding and TCP reassembly into Modbus ADUs, without Camel: the frames of the benchmark capture
 * ({@link SyntheticCaptureGenerator}, 8 interleaved connections, one segment per request and response) through {@link FrameDecoder} and
 * {@link ModbusStreamTracker}. Score: frames per second.
 */
public class TcpReassemblyBenchmark extends ThroughputBenchmark {

    private static final int CONNECTIONS = 8;
    private static final int TRANSACTIONS = 8000;
    private static final int FRAMES = CONNECTIONS * (3 + 3) + 2 * TRANSACTIONS;

    private List<CapturedFrame> frames;

    @Setup
    public void setUp() throws IOException {
        frames = BenchmarkCapture.frames(TRANSACTIONS, CONNECTIONS);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeFrames(Blackhole blackhole) throws FrameDecodeException {
        FrameDecoder decoder = new FrameDecoder();
        for (CapturedFrame frame : frames) {
            blackhole.consume(decoder.decode(frame));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeAndReassemble(Blackhole blackhole) throws FrameDecodeException {
        BenchmarkCapture.reassemble(frames, blackhole::consume, blackhole::consume);
    }
}
