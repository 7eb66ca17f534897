package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Write Single Coil (5) response: {@code outputValue} 0xFF00 turns the coil at {@code outputAddress} on, 0x0000 off;
 * the specification allows no other value. The normal response echoes the request.
 */
public record WriteSingleCoilResponse(int outputAddress, int outputValue) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_SINGLE_COIL;
    }

    public boolean isOn() {
        return outputValue == WriteSingleCoilRequest.ON;
    }

    public static WriteSingleCoilResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_SINGLE_COIL, true);
        in.requireLength(5);
        int outputAddress = in.u16();
        int outputValue = WriteSingleCoilRequest.readOutputValue(in);
        in.end();
        return new WriteSingleCoilResponse(outputAddress, outputValue);
    }
}
