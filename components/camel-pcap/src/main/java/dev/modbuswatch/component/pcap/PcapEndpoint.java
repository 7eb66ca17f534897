package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.source.CaptureFileSource;
import dev.modbuswatch.component.pcap.source.FrameSource;
import dev.modbuswatch.component.pcap.source.LibpcapException;
import dev.modbuswatch.component.pcap.source.LibpcapFileSource;
import dev.modbuswatch.component.pcap.source.LiveInterfaceSource;
import dev.modbuswatch.component.pcap.source.ReopeningSource;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads Modbus/TCP traffic from a capture file or a live interface, follows the TCP connections and produces the
 * Modbus ADUs in capture order, in batches.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pcap", title = "Pcap", syntax = "pcap:kind:source",
             consumerOnly = true, category = {Category.NETWORKING, Category.MONITORING},
             headersClass = PcapConstants.class)
@ManagedResource(description = "Modbus/TCP capture")
public class PcapEndpoint extends DefaultEndpoint {

    @UriPath(description = "file: read a pcap or pcapng file once; live: capture from a network interface")
    @Metadata(required = true)
    private CaptureKind kind;
    @UriPath(description = "The capture file path, or the interface name (e.g. eth0, lo)")
    @Metadata(required = true)
    private String source;

    @UriParam(description = "BPF filter. By default derived from ports: `tcp port 502 or (vlan and tcp port 502)`."
            + " With the Java file reader the derived filter is not compiled, since the consumer keeps exactly the"
            + " TCP segments to or from those ports anyway; a filter you set is applied through libpcap.")
    private String filter;
    @UriParam(defaultValue = "502", description = "Modbus server ports, comma-separated: a segment to one of them is"
            + " a request, from one of them a response")
    private String ports = "502";
    @UriParam(defaultValue = "65535", label = "consumer,live", description = "Snapshot length for live capture")
    private int snaplen = 65535;
    @UriParam(defaultValue = "false", label = "consumer,live", description = "Put the interface in promiscuous mode")
    private boolean promiscuous;
    @UriParam(defaultValue = "100", label = "consumer,live", description = "libpcap read timeout in milliseconds")
    private int readTimeout = 100;
    @UriParam(defaultValue = "33554432", label = "consumer,live", description = "Kernel capture buffer in bytes: it"
            + " holds the packets the consumer has not read yet; what does not fit is dropped and counted"
            + " (packetsDropped). On Linux libpcap cuts it into 256 KiB blocks, each handed over when full or after"
            + " readTimeout, so below some 15,000 small packets/s a block holds readTimeout of traffic: 32 MiB are"
            + " 128 blocks, 12.8 s at 100 ms (4 MiB: 1.6 s), for 32 MiB of kernel memory")
    private int bufferSize = 32 * 1024 * 1024;
    @UriParam(defaultValue = "java", label = "consumer,file", description = "What reads capture files: java (fast,"
            + " pcap and pcapng) or libpcap")
    private CaptureReader reader = CaptureReader.java;
    @UriParam(defaultValue = "500", label = "consumer,advanced", description = "At most this many ADUs per message")
    private int batchSize = 500;
    @UriParam(defaultValue = "100", label = "consumer,live", description = "Live capture: send a partial batch after"
            + " this many milliseconds")
    private int batchLinger = 100;
    @UriParam(defaultValue = "100", label = "consumer,advanced", description = "Messages (ADU batches, anomalies,"
            + " ticks) held between the capture thread, which reads and reassembles, and the thread that runs the"
            + " route. While the route is behind, the capture thread goes on reading until the queue is full, then"
            + " waits: a file is then read at the route's pace, and live packets wait in the kernel buffer"
            + " (bufferSize). At most about queueSize x batchSize ADUs are held")
    private int queueSize = 100;
    @UriParam(defaultValue = "100000", label = "consumer,advanced", description = "At most this many connections are"
            + " followed; the least recently seen is forgotten first")
    private int maxConnections = 100_000;
    @UriParam(defaultValue = "65536", label = "consumer,advanced", description = "Out-of-order bytes held per"
            + " connection direction before the hole in front of them is given up as a gap")
    private int maxHeldBytes = 65536;
    @UriParam(defaultValue = "3600", label = "consumer,advanced", description = "Forget a connection after this many"
            + " seconds without a segment (capture time); Modbus connections often idle for minutes")
    private int idleTimeout = 3600;

    /** How a live capture is opened and what time it is; only tests change them. */
    private ReopeningSource.Opener liveOpener = this::openSource;
    private ReopeningSource.Clock clock = ReopeningSource.Clock.SYSTEM;

    public PcapEndpoint(String uri, PcapComponent component, CaptureKind kind, String source) {
        super(uri, component);
        this.kind = kind;
        this.source = source;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("pcap endpoints only consume: " + getEndpointUri());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        serverPorts();
        requirePositive("batchSize", batchSize);
        requirePositive("batchLinger", batchLinger);
        requirePositive("queueSize", queueSize);
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxHeldBytes", maxHeldBytes);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("snaplen", snaplen);
        requirePositive("readTimeout", readTimeout);
        requirePositive("bufferSize", bufferSize);
        if (kind == CaptureKind.live) {
            // What can never work fails the start at once; an interface that cannot be opened yet is retried.
            checkLiveSettings();
        }
        PcapConsumer consumer = new PcapConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("pcap option " + option + "=" + value + " must be above 0 ("
                    + getEndpointUri() + ")");
        }
    }

    /** Opens the frame source this endpoint describes. */
    FrameSource openSource() throws IOException {
        if (kind == CaptureKind.live) {
            return new LiveInterfaceSource(source, effectiveFilter(), snaplen, promiscuous, readTimeout, bufferSize);
        }
        Path file = Path.of(source);
        return reader == CaptureReader.libpcap
                ? new LibpcapFileSource(file, explicitFilter())
                : new CaptureFileSource(file, explicitFilter(), snaplen);
    }

    /**
     * Fails when live capture can never work with these settings, whatever the interface does: libpcap cannot be
     * loaded, or the filter does not compile.
     */
    private void checkLiveSettings() throws LibpcapException {
        LiveInterfaceSource.checkSettings(effectiveFilter(), snaplen);
    }

    ReopeningSource.Opener liveOpener() {
        return liveOpener;
    }

    ReopeningSource.Clock clock() {
        return clock;
    }

    /** For tests: capture from {@code opener} instead of an interface, on {@code clock}. */
    void useLiveSource(ReopeningSource.Opener opener, ReopeningSource.Clock clock) {
        this.liveOpener = opener;
        this.clock = clock;
    }

    /** The filter the user set, or null. */
    private String explicitFilter() {
        return filter == null || filter.isBlank() ? null : filter;
    }

    String effectiveFilter() {
        if (explicitFilter() != null) {
            return filter;
        }
        String portFilter = Arrays.stream(serverPorts()).mapToObj(p -> "tcp port " + p)
                .collect(Collectors.joining(" or "));
        return portFilter + " or (vlan and (" + portFilter + "))";
    }

    int[] serverPorts() {
        try {
            int[] parsed = Arrays.stream(ports.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int port : parsed) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port " + port + " is outside 1..65535");
                }
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pcap option ports='" + ports + "' must be comma-separated numbers", e);
        }
    }

    @ManagedAttribute(description = "Capture kind")
    public CaptureKind getKind() {
        return kind;
    }

    public void setKind(CaptureKind kind) {
        this.kind = kind;
    }

    @ManagedAttribute(description = "Capture file or interface")
    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getPorts() {
        return ports;
    }

    public void setPorts(String ports) {
        this.ports = ports;
    }

    public int getSnaplen() {
        return snaplen;
    }

    public void setSnaplen(int snaplen) {
        this.snaplen = snaplen;
    }

    public boolean isPromiscuous() {
        return promiscuous;
    }

    public void setPromiscuous(boolean promiscuous) {
        this.promiscuous = promiscuous;
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getBufferSize() {
        return bufferSize;
    }

    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public CaptureReader getReader() {
        return reader;
    }

    public void setReader(CaptureReader reader) {
        this.reader = reader;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getBatchLinger() {
        return batchLinger;
    }

    public void setBatchLinger(int batchLinger) {
        this.batchLinger = batchLinger;
    }

    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxHeldBytes() {
        return maxHeldBytes;
    }

    public void setMaxHeldBytes(int maxHeldBytes) {
        this.maxHeldBytes = maxHeldBytes;
    }

    public int getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(int idleTimeout) {
        this.idleTimeout = idleTimeout;
    }
}
