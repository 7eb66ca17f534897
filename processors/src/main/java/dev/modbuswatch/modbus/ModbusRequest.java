package dev.modbuswatch.modbus;

/** A PDU of a public function sent by the client. */
public sealed interface ModbusRequest extends ModbusPdu permits
        ReadCoilsRequest, ReadDiscreteInputsRequest, ReadHoldingRegistersRequest, ReadInputRegistersRequest,
        WriteSingleCoilRequest, WriteSingleRegisterRequest, ReadExceptionStatusRequest, DiagnosticsRequest,
        GetCommEventCounterRequest, GetCommEventLogRequest, WriteMultipleCoilsRequest, WriteMultipleRegistersRequest,
        ReportServerIdRequest, ReadFileRecordRequest, WriteFileRecordRequest, MaskWriteRegisterRequest,
        ReadWriteMultipleRegistersRequest, ReadFifoQueueRequest, EncapsulatedInterfaceRequest,
        ReadDeviceIdentificationRequest {

    @Override
    default boolean isResponse() {
        return false;
    }
}
