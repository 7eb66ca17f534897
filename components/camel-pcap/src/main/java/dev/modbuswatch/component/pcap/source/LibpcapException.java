package dev.modbuswatch.component.pcap.source;

import java.io.IOException;

/** libpcap is missing, or refused to open, filter or read a capture. */
public class LibpcapException extends IOException {

    public LibpcapException(String message, Throwable cause) {
        super(message, cause);
    }
}
