package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read FIFO Queue (24) request: the address of the FIFO pointer register. */
public record ReadFifoQueueRequest(int fifoPointerAddress) implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.READ_FIFO_QUEUE;
    }

    public static ReadFifoQueueRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_FIFO_QUEUE, false);
        in.requireLength(3);
        int fifoPointerAddress = in.u16();
        in.end();
        return new ReadFifoQueueRequest(fifoPointerAddress);
    }
}
