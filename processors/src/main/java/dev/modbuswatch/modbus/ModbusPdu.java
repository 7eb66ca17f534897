package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * A decoded Modbus protocol data unit: one immutable record per function and direction, an {@link ExceptionResponse},
 * or a {@link RawPdu} for function codes the specification does not define.
 */
public sealed interface ModbusPdu permits ModbusRequest, ModbusResponse, RawPdu {

    /** The function code byte as sent, 0-255 (0x81-0xFF for exception responses). */
    int functionCode();

    boolean isResponse();

    /**
     * Decodes the PDU from the buffer's position (the function code byte) to its limit. On success the position is
     * moved to the limit; on failure it is left where it was.
     *
     * @param response true for a PDU sent by the server (from the Modbus/TCP server port), false for a request
     * @throws ModbusDecodeException when the bytes break the protocol: too short, too long, inconsistent counts, or
     *                               values outside the limits of the specification
     */
    static ModbusPdu decode(ByteBuffer pdu, boolean response) throws ModbusDecodeException {
        if (!pdu.hasRemaining()) {
            throw new ModbusDecodeException((response ? "response" : "request") + ": empty PDU, no function code");
        }
        int functionCode = pdu.get(pdu.position()) & 0xFF;
        return response ? PduDecoders.response(pdu, functionCode) : PduDecoders.request(pdu, functionCode);
    }
}
