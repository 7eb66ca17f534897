package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * A PDU whose function code the specification does not define (user-defined, reserved, unassigned, or invalid
 * such as 0), kept as the bytes after the function code.
 */
public record RawPdu(int functionCode, boolean response, Bytes data) implements ModbusPdu {

    @Override
    public boolean isResponse() {
        return response;
    }

    public FunctionClass functionClass() {
        return FunctionCodes.functionClass(functionCode, response);
    }

    public static RawPdu decode(ByteBuffer pdu, boolean response) throws ModbusDecodeException {
        PduReader in = PduReader.openAny(pdu, response);
        Bytes data = in.rest();
        in.end();
        return new RawPdu(in.functionCode(), response, data);
    }
}
