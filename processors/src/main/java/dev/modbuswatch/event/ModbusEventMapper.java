package dev.modbuswatch.event;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.modbus.ModbusPdu;
import dev.modbuswatch.modbus.fields.ModbusEventFields;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Modbus ADU as an event with the field names of NXLog's im_pcap: capture time, addresses and ports, TCP flags,
 * MBAP header, and the decoded PDU. A PDU that breaks the protocol still gives an event, flagged malformed.
 */
public final class ModbusEventMapper {

    private final EventTimeFormat timeFormat;
    private final SourceModule sourceModule;

    public ModbusEventMapper(EventTimeFormat timeFormat, String moduleName) {
        this(timeFormat, moduleName, Clock.systemUTC());
    }

    ModbusEventMapper(EventTimeFormat timeFormat, String moduleName, Clock clock) {
        this.timeFormat = timeFormat;
        this.sourceModule = new SourceModule(timeFormat, moduleName, clock);
    }

    public Map<String, String> toEvent(ModbusAdu adu) {
        return toMessage(adu).event();
    }

    /** {@link #toMessage} for each ADU of a batch, in order. */
    public List<ModbusMessage> toMessages(List<ModbusAdu> adus) {
        List<ModbusMessage> messages = new ArrayList<>(adus.size());
        for (ModbusAdu adu : adus) {
            messages.add(toMessage(adu));
        }
        return messages;
    }

    /** The event together with the ADU and its decoded PDU (null when malformed), for correlation and detection. */
    public ModbusMessage toMessage(ModbusAdu adu) {
        Map<String, String> event = new LinkedHashMap<>(32);
        event.put("EventTime", timeFormat.format(adu.epochSecond(), adu.nanos()));
        NetworkFields.append(adu.connection(), adu.fromServer(), event);
        event.put("tcp.flag", TcpFlagNames.of(adu.tcpFlags()));
        ModbusEventFields.appendHeader(adu.transactionId(), adu.protocolId(), adu.length(), adu.unitId(), event);
        ModbusPdu pdu = ModbusEventFields.decodeAndAppend(ByteBuffer.wrap(adu.pdu()), adu.fromServer(), event);
        sourceModule.append(event);
        return new ModbusMessage(adu, pdu, event);
    }
}
