package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Write File Record (21) response: {@code responseDataLength} bytes of sub-requests, each a reference and its record
 * data. The normal response echoes the request.
 */
public record WriteFileRecordResponse(int responseDataLength, List<FileRecord> subResponses) implements ModbusResponse {

    public WriteFileRecordResponse {
        subResponses = List.copyOf(subResponses);
    }

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_FILE_RECORD;
    }

    public static WriteFileRecordResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_FILE_RECORD, true);
        in.requireAtLeast(2);
        int responseDataLength = in.u8();
        in.requireByteCount("response data length", responseDataLength);
        List<FileRecord> subResponses = FileRecord.readAll(in);
        in.end();
        return new WriteFileRecordResponse(responseDataLength, subResponses);
    }
}
