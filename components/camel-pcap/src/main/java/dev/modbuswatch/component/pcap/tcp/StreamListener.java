package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.StreamAnomaly;

/** Receives, in capture order, what the TCP streams yield. */
public interface StreamListener {

    void onAdu(ModbusAdu adu);

    void onAnomaly(StreamAnomaly anomaly);
}
