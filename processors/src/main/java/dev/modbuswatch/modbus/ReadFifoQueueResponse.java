package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Read FIFO Queue (24) response: a 16-bit {@code byteCount} covering the FIFO count field and the values, then
 * {@code fifoCount} (at most 31) queued register values.
 */
public record ReadFifoQueueResponse(int byteCount, int fifoCount, Registers fifoValues) implements ModbusResponse {

    public static final int MAX_FIFO_COUNT = 31;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_FIFO_QUEUE;
    }

    public static ReadFifoQueueResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_FIFO_QUEUE, true);
        in.requireAtLeast(5);
        int byteCount = in.u16();
        in.requireByteCount("byte count", byteCount);
        int fifoCount = in.u16InRange("FIFO count", 0, MAX_FIFO_COUNT);
        in.requireDerived("byte count", byteCount, "FIFO count", fifoCount, 2 + 2 * fifoCount);
        Registers fifoValues = in.registers(fifoCount);
        in.end();
        return new ReadFifoQueueResponse(byteCount, fifoCount, fifoValues);
    }
}
