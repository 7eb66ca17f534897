package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.HoldingRegisterWrite;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.modbus.FunctionCodes;

import java.util.Map;

/** How alerts describe the request they are about: function, source, destination, time, identifiers. */
final class RequestDescription {

    private RequestDescription() {
    }

    static StringBuilder of(ModbusMessage request) {
        Map<String, String> fields = request.event();
        String ip = fields.containsKey("ipv4.src") ? "ipv4." : "ipv6.";
        return new StringBuilder(200)
                .append(FunctionCodes.label(request.adu().pdu()[0] & 0xFF, false))
                .append(" request from ").append(fields.get(ip + "src")).append(':').append(fields.get("tcp.src_port"))
                .append(" to ").append(fields.get(ip + "dst")).append(':').append(fields.get("tcp.dst_port"))
                .append(" at ").append(fields.get("EventTime"))
                .append(", transaction ").append(request.adu().transactionId())
                .append(", unit ").append(request.adu().unitId());
    }

    static StringBuilder of(ModbusMessage request, HoldingRegisterWrite write) {
        return of(request).append(", starting address ").append(write.start())
                .append(", quantity ").append(write.quantity());
    }
}
