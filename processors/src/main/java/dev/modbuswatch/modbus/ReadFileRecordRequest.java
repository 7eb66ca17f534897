package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Read File Record (20) request: {@code byteCount} bytes of 7-byte sub-requests. */
public record ReadFileRecordRequest(int byteCount, List<FileRecordReference> subRequests) implements ModbusRequest {

    /** 35 sub-requests; the specification's lower limit of 7 is not enforced, an empty request harms nobody. */
    public static final int MAX_BYTE_COUNT = 245;

    public ReadFileRecordRequest {
        subRequests = List.copyOf(subRequests);
    }

    @Override
    public int functionCode() {
        return FunctionCodes.READ_FILE_RECORD;
    }

    public static ReadFileRecordRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_FILE_RECORD, false);
        in.requireAtLeast(2);
        int byteCount = in.u8();
        in.requireRange("byte count", byteCount, 0, MAX_BYTE_COUNT);
        in.requireByteCount("byte count", byteCount);
        if (byteCount % FileRecordReference.SIZE != 0) {
            throw in.fail("byte count " + byteCount + " is not a multiple of " + FileRecordReference.SIZE
                    + ", the size of a sub-request");
        }
        List<FileRecordReference> subRequests = new ArrayList<>(byteCount / FileRecordReference.SIZE);
        while (in.remaining() > 0) {
            subRequests.add(FileRecordReference.read(in, subRequests.size() + 1));
        }
        in.end();
        return new ReadFileRecordRequest(byteCount, subRequests);
    }
}
