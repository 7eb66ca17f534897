package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** A response reporting that the server could not carry out a request: function code + 0x80 and an exception code. */
public record ExceptionResponse(int functionCode, int exceptionCode) implements ModbusResponse {

    /** The function code of the request that failed, e.g. 16 for 0x90. */
    public int failedFunctionCode() {
        return functionCode & ~FunctionCodes.EXCEPTION_BIT;
    }

    /** E.g. {@code "Illegal Data Address (02)"}. */
    public String exceptionLabel() {
        return ExceptionCodes.label(exceptionCode);
    }

    public static ExceptionResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.openAny(pdu, true);
        if (in.functionCode() < FunctionCodes.EXCEPTION_BIT) {
            throw in.fail("function code " + in.functionCode() + " lacks the exception bit 0x80");
        }
        in.requireLength(2);
        int exceptionCode = in.u8();
        in.end();
        return new ExceptionResponse(in.functionCode(), exceptionCode);
    }
}
