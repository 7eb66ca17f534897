package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Report Server ID (17) request: the function code alone. */
public record ReportServerIdRequest() implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.REPORT_SERVER_ID;
    }

    public static ReportServerIdRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.REPORT_SERVER_ID, false);
        in.requireLength(1);
        in.end();
        return new ReportServerIdRequest();
    }
}
