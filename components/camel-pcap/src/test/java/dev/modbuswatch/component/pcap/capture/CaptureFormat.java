package dev.modbuswatch.component.pcap.capture;

import java.io.IOException;
import java.nio.file.Path;

/** The two formats the writers write, for tests that run once per format. */
enum CaptureFormat {

    PCAP(".pcap") {
        @Override
        CaptureFileWriter create(Path file, CaptureFileSettings settings) throws IOException {
            return PcapFileWriter.create(file, settings);
        }
    },
    PCAPNG(".pcapng") {
        @Override
        CaptureFileWriter create(Path file, CaptureFileSettings settings) throws IOException {
            return PcapngFileWriter.create(file, settings);
        }
    };

    final String extension;

    CaptureFormat(String extension) {
        this.extension = extension;
    }

    abstract CaptureFileWriter create(Path file, CaptureFileSettings settings) throws IOException;
}
