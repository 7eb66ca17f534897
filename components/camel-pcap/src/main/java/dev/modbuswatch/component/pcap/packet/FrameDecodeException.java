package dev.modbuswatch.component.pcap.packet;

/** A captured frame is cut short or its headers contradict each other; the message names the layer and the fault. */
public class FrameDecodeException extends Exception {

    public FrameDecodeException(String message) {
        super(message);
    }
}
