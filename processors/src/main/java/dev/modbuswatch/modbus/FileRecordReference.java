package dev.modbuswatch.modbus;

/**
 * One sub-request of Read File Record (20), and the header of each sub-request of Write File Record (21):
 * {@code recordLength} registers from record {@code recordNumber} (0-9999) of file {@code fileNumber} (1-65535).
 */
public record FileRecordReference(int referenceType, int fileNumber, int recordNumber, int recordLength) {

    /** The only reference type the specification allows. */
    public static final int REFERENCE_TYPE = 6;
    public static final int MAX_RECORD_NUMBER = 9999;
    static final int SIZE = 7;

    /** Reads sub-request {@code number} (counted from 1 in messages). */
    static FileRecordReference read(PduReader in, int number) throws ModbusDecodeException {
        in.requireFollowing("sub-request #" + number, SIZE);
        int referenceType = readReferenceType(in, "sub-request #" + number);
        int fileNumber = in.u16();
        int recordNumber = in.u16();
        int recordLength = in.u16();
        if (fileNumber == 0) {
            throw in.fail("sub-request #" + number + ": file number 0 out of range 1..65535");
        }
        if (recordNumber > MAX_RECORD_NUMBER) {
            throw in.fail("sub-request #" + number + ": record number " + recordNumber + " out of range 0.."
                    + MAX_RECORD_NUMBER);
        }
        return new FileRecordReference(referenceType, fileNumber, recordNumber, recordLength);
    }

    static int readReferenceType(PduReader in, String where) throws ModbusDecodeException {
        int referenceType = in.u8();
        if (referenceType != REFERENCE_TYPE) {
            throw in.fail(where + ": reference type " + referenceType + ", expected " + REFERENCE_TYPE);
        }
        return referenceType;
    }
}
