package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Read/Write Multiple Registers (23) request: writes {@code quantityToWrite} (1-121) registers from
 * {@code writeStartingAddress}, then reads {@code quantityToRead} (1-125) from {@code readStartingAddress}.
 */
public record ReadWriteMultipleRegistersRequest(
        int readStartingAddress, int quantityToRead,
        int writeStartingAddress, int quantityToWrite, int writeByteCount, Registers writeRegisters)
        implements ModbusRequest {

    public static final int MAX_QUANTITY_TO_READ = 125;
    public static final int MAX_QUANTITY_TO_WRITE = 121;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS;
    }

    public static ReadWriteMultipleRegistersRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS, false);
        in.requireAtLeast(10);
        int readStartingAddress = in.u16();
        int quantityToRead = in.u16InRange("quantity to read", 1, MAX_QUANTITY_TO_READ);
        int writeStartingAddress = in.u16();
        int quantityToWrite = in.u16InRange("quantity to write", 1, MAX_QUANTITY_TO_WRITE);
        int writeByteCount = in.u8();
        in.requireDerived("write byte count", writeByteCount, "quantity to write", quantityToWrite,
                2 * quantityToWrite);
        in.requireByteCount("write byte count", writeByteCount);
        Registers writeRegisters = in.registers(quantityToWrite);
        in.end();
        return new ReadWriteMultipleRegistersRequest(readStartingAddress, quantityToRead,
                writeStartingAddress, quantityToWrite, writeByteCount, writeRegisters);
    }
}
