package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Diagnostics (8) response: a 16-bit sub-function code and its data. Return Query Data echoes the request's data;
 * the counters return a 16-bit count.
 */
public record DiagnosticsResponse(int subFunction, Bytes data) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.DIAGNOSTICS;
    }

    /** E.g. {@code "Force Listen Only Mode"}; {@code "Reserved"} for codes the specification does not define. */
    public String subFunctionName() {
        return DiagnosticSubFunctions.name(subFunction);
    }

    public static DiagnosticsResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        DiagnosticSubFunctions.Diagnostic diagnostic =
                DiagnosticSubFunctions.read(PduReader.open(pdu, FunctionCodes.DIAGNOSTICS, true));
        return new DiagnosticsResponse(diagnostic.subFunction(), diagnostic.data());
    }
}
