package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Diagnostics (8) request: a 16-bit sub-function code and its data. */
public record DiagnosticsRequest(int subFunction, Bytes data) implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.DIAGNOSTICS;
    }

    /** E.g. {@code "Force Listen Only Mode"}; {@code "Reserved"} for codes the specification does not define. */
    public String subFunctionName() {
        return DiagnosticSubFunctions.name(subFunction);
    }

    public static DiagnosticsRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        DiagnosticSubFunctions.Diagnostic diagnostic =
                DiagnosticSubFunctions.read(PduReader.open(pdu, FunctionCodes.DIAGNOSTICS, false));
        return new DiagnosticsRequest(diagnostic.subFunction(), diagnostic.data());
    }
}
