package dev.modbuswatch.modbus;

/** One sub-response of Read File Record (20): {@code fileResponseLength} = 1 + 2 * the number of registers. */
public record FileRecordData(int fileResponseLength, int referenceType, Registers recordData) {

    static FileRecordData read(PduReader in, int number) throws ModbusDecodeException {
        String where = "sub-response #" + number;
        int fileResponseLength = in.u8();
        if (fileResponseLength % 2 == 0) {
            throw in.fail(where + ": file response length " + fileResponseLength
                    + " is even, expected 1 for the reference type plus 2 per register");
        }
        in.requireFollowing(where + ": file response length " + fileResponseLength, fileResponseLength);
        int referenceType = FileRecordReference.readReferenceType(in, where);
        Registers recordData = in.registers((fileResponseLength - 1) / 2);
        return new FileRecordData(fileResponseLength, referenceType, recordData);
    }
}
