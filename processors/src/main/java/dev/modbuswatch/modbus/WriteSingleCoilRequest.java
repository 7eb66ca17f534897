package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Write Single Coil (5) request: {@code outputValue} 0xFF00 turns the coil at {@code outputAddress} on, 0x0000 off;
 * the specification allows no other value.
 */
public record WriteSingleCoilRequest(int outputAddress, int outputValue) implements ModbusRequest {

    public static final int ON = 0xFF00;
    public static final int OFF = 0x0000;

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_SINGLE_COIL;
    }

    public boolean isOn() {
        return outputValue == ON;
    }

    public static WriteSingleCoilRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_SINGLE_COIL, false);
        in.requireLength(5);
        int outputAddress = in.u16();
        int outputValue = readOutputValue(in);
        in.end();
        return new WriteSingleCoilRequest(outputAddress, outputValue);
    }

    static int readOutputValue(PduReader in) throws ModbusDecodeException {
        int outputValue = in.u16();
        if (outputValue != ON && outputValue != OFF) {
            throw in.fail("output value " + outputValue + ", expected 65280 (0xFF00, on) or 0 (off)");
        }
        return outputValue;
    }
}
