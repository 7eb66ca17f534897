package dev.modbuswatch.component.pcap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** The {@code pcap:} component: Modbus/TCP ADUs from capture files and live interfaces. */
@Component("pcap")
public class PcapComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.indexOf(':');
        if (colon <= 0 || colon == remaining.length() - 1) {
            throw new IllegalArgumentException("pcap endpoint '" + uri
                    + "' must be pcap:file:<path> or pcap:live:<interface>");
        }
        CaptureKind kind;
        try {
            kind = CaptureKind.valueOf(remaining.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pcap endpoint '" + uri + "': unknown capture kind '"
                    + remaining.substring(0, colon) + "', expected file or live", e);
        }
        PcapEndpoint endpoint = new PcapEndpoint(uri, this, kind, remaining.substring(colon + 1));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
