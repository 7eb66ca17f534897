package dev.modbuswatch.bench.jmh;

import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import dev.modbuswatch.component.pcap.packet.FrameDecodeException;
import dev.modbuswatch.component.pcap.packet.FrameDecoder;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.tcp.ModbusStreamTracker;
import dev.modbuswatch.component.pcap.tcp.StreamListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Decodes the frames and follows their TCP streams on port 502, with the component's default limits, as the
     * {@code pcap} consumer does.
     */
    static void reassemble(List<CapturedFrame> frames, Consumer<ModbusAdu> adus, Consumer<StreamAnomaly> anomalies)
            throws FrameDecodeException {
        FrameDecoder decoder = new FrameDecoder();
        ModbusStreamTracker tracker = new ModbusStreamTracker(new int[] {502}, 1000, 65536, 300, new StreamListener() {
            @Override
            public void onAdu(ModbusAdu adu) {
                adus.accept(adu);
            }

            @Override
            public void onAnomaly(StreamAnomaly anomaly) {
                anomalies.accept(anomaly);
            }
        });
        for (CapturedFrame frame : frames) {
            tracker.onSegment(decoder.decode(frame), decoder.missingPayloadBytes());
        }
    }
}
