package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Read File Record (20) response: {@code responseDataLength} bytes of sub-responses, one per sub-request. */
public record ReadFileRecordResponse(int responseDataLength, List<FileRecordData> subResponses)
        implements ModbusResponse {

    public ReadFileRecordResponse {
        subResponses = List.copyOf(subResponses);
    }

    @Override
    public int functionCode() {
        return FunctionCodes.READ_FILE_RECORD;
    }

    public static ReadFileRecordResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_FILE_RECORD, true);
        in.requireAtLeast(2);
        int responseDataLength = in.u8();
        in.requireByteCount("response data length", responseDataLength);
        List<FileRecordData> subResponses = new ArrayList<>();
        while (in.remaining() > 0) {
            subResponses.add(FileRecordData.read(in, subResponses.size() + 1));
        }
        in.end();
        return new ReadFileRecordResponse(responseDataLength, subResponses);
    }
}
