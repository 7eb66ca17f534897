package dev.modbuswatch.event;

import java.time.Clock;
import java.util.Map;

/** The fields NXLog adds to every record: when it was received, and which input produced it. */
final class SourceModule {

    static final String MODULE_TYPE = "im_pcap";

    private final EventTimeFormat timeFormat;
    private final String moduleName;
    private final Clock clock;

    SourceModule(EventTimeFormat timeFormat, String moduleName, Clock clock) {
        this.timeFormat = timeFormat;
        this.moduleName = moduleName;
        this.clock = clock;
    }

    void append(Map<String, String> event) {
        event.put("EventReceivedTime", timeFormat.format(clock.instant()));
        event.put("SourceModuleName", moduleName);
        event.put("SourceModuleType", MODULE_TYPE);
    }
}
