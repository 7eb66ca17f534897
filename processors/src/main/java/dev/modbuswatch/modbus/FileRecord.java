package dev.modbuswatch.modbus;

import java.util.ArrayList;
import java.util.List;

/** One sub-request of Write File Record (21), echoed in its response: a file record reference and its data. */
public record FileRecord(int referenceType, int fileNumber, int recordNumber, int recordLength, Registers recordData) {

    /** Reads sub-requests until the PDU ends; request and response share the layout. */
    static List<FileRecord> readAll(PduReader in) throws ModbusDecodeException {
        List<FileRecord> records = new ArrayList<>();
        while (in.remaining() > 0) {
            int number = records.size() + 1;
            FileRecordReference reference = FileRecordReference.read(in, number);
            in.requireFollowing("sub-request #" + number + ": record length " + reference.recordLength(),
                    2 * reference.recordLength());
            records.add(new FileRecord(reference.referenceType(), reference.fileNumber(), reference.recordNumber(),
                    reference.recordLength(), in.registers(reference.recordLength())));
        }
        return records;
    }
}
