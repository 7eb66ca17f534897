package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.List;

/** Write File Record (21) request: {@code requestDataLength} bytes of sub-requests, each a reference and its data. */
public record WriteFileRecordRequest(int requestDataLength, List<FileRecord> subRequests) implements ModbusRequest {

    public WriteFileRecordRequest {
        subRequests = List.copyOf(subRequests);
    }

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_FILE_RECORD;
    }

    public static WriteFileRecordRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_FILE_RECORD, false);
        in.requireAtLeast(2);
        int requestDataLength = in.u8();
        in.requireByteCount("request data length", requestDataLength);
        List<FileRecord> subRequests = FileRecord.readAll(in);
        in.end();
        return new WriteFileRecordRequest(requestDataLength, subRequests);
    }
}
