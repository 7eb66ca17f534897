package dev.modbuswatch.bench.jmh;

import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.tcp.ModbusStreamTracker;
import dev.modbuswatch.component.pcap.tcp.StreamListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The benchmark capture in memory ({@link SyntheticCaptureGenerator}, 4 devices, no bad logins) for the JMH benchmarks. */
final class BenchmarkCapture {

    private BenchmarkCapture() {
    }

    static List<CapturedFrame> frames(int transactions, int connections) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        SyntheticCaptureGenerator.generate(transactions, connections, 4, 0, (epochSecond, nanos, frame) ->
                frames.add(new CapturedFrame(LinkType.ETHERNET, epochSecond, nanos, frame.length, frame)));
        return frames;
    }

    /** A stream tracker on port 502 with the component's default limits, telling {@code listener}. */
    static ModbusStreamTracker tracker(StreamListener listener) {
        return new ModbusStreamTracker(new int[] {502}, 1000, 65536, 300, listener);
    }
}
