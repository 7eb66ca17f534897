package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Report Server ID (17) response: {@code byteCount} bytes of server ID, run indicator status (0x00 off, 0xFF on)
 * and additional data. Their split is device specific, so they are kept as one run of bytes.
 */
public record ReportServerIdResponse(int byteCount, Bytes data) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.REPORT_SERVER_ID;
    }

    public static ReportServerIdResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.REPORT_SERVER_ID, true);
        in.requireAtLeast(2);
        int byteCount = in.u8();
        in.requireByteCount("byte count", byteCount);
        Bytes data = in.rest();
        in.end();
        return new ReportServerIdResponse(byteCount, data);
    }
}
