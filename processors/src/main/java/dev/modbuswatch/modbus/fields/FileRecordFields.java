package dev.modbuswatch.modbus.fields;

import static dev.modbuswatch.modbus.fields.EventField.*;

import dev.modbuswatch.modbus.FileRecord;
import java.util.List;

/** The sub-request fields of Write File Record (21), the same in request and response. */
final class FileRecordFields {

    private FileRecordFields() {
    }

    static void write(List<FileRecord> records, FieldSink fields) {
        fields.putEach(REFERENCE_TYPE, records, FileRecord::referenceType);
        fields.putEach(FILE_NUMBER, records, FileRecord::fileNumber);
        fields.putEach(RECORD_NUMBER, records, FileRecord::recordNumber);
        fields.putEach(RECORD_LENGTH, records, FileRecord::recordLength);
        fields.putRegistersOfEach(RECORD_DATA, records, FileRecord::recordData);
    }
}
