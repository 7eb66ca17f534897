package dev.modbuswatch.component.pcap.capture;

import java.io.IOException;

/** The bytes are not a capture file this reader understands, or its structure is broken. */
public class CaptureFormatException extends IOException {

    public CaptureFormatException(String message) {
        super(message);
    }
}
