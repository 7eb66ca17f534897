package dev.modbuswatch.modbus;

/** A PDU of a public function sent by the server, or an exception response. */
public sealed interface ModbusResponse extends ModbusPdu permits
        ReadCoilsResponse, ReadDiscreteInputsResponse, ReadHoldingRegistersResponse, ReadInputRegistersResponse,
        WriteSingleCoilResponse, WriteSingleRegisterResponse, ReadExceptionStatusResponse, DiagnosticsResponse,
        GetCommEventCounterResponse, GetCommEventLogResponse, WriteMultipleCoilsResponse,
        WriteMultipleRegistersResponse, ReportServerIdResponse, ReadFileRecordResponse, WriteFileRecordResponse,
        MaskWriteRegisterResponse, ReadWriteMultipleRegistersResponse, ReadFifoQueueResponse,
        EncapsulatedInterfaceResponse, ReadDeviceIdentificationResponse, ExceptionResponse {

    @Override
    default boolean isResponse() {
        return true;
    }
}
