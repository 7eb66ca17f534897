package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.FunctionCodes.*;

import java.nio.ByteBuffer;

/** Picks the record that decodes a PDU, by direction, function code and, for function 43, MEI type. */
final class PduDecoders {

    private PduDecoders() {
    }

    static ModbusPdu request(ByteBuffer pdu, int functionCode) throws ModbusDecodeException {
        return switch (functionCode) {
            case READ_COILS -> ReadCoilsRequest.decode(pdu);
            case READ_DISCRETE_INPUTS -> ReadDiscreteInputsRequest.decode(pdu);
            case READ_HOLDING_REGISTERS -> ReadHoldingRegistersRequest.decode(pdu);
            case READ_INPUT_REGISTERS -> ReadInputRegistersRequest.decode(pdu);
            case WRITE_SINGLE_COIL -> WriteSingleCoilRequest.decode(pdu);
            case WRITE_SINGLE_REGISTER -> WriteSingleRegisterRequest.decode(pdu);
            case READ_EXCEPTION_STATUS -> ReadExceptionStatusRequest.decode(pdu);
            case DIAGNOSTICS -> DiagnosticsRequest.decode(pdu);
            case GET_COMM_EVENT_COUNTER -> GetCommEventCounterRequest.decode(pdu);
            case GET_COMM_EVENT_LOG -> GetCommEventLogRequest.decode(pdu);
            case WRITE_MULTIPLE_COILS -> WriteMultipleCoilsRequest.decode(pdu);
            case WRITE_MULTIPLE_REGISTERS -> WriteMultipleRegistersRequest.decode(pdu);
            case REPORT_SERVER_ID -> ReportServerIdRequest.decode(pdu);
            case READ_FILE_RECORD -> ReadFileRecordRequest.decode(pdu);
            case WRITE_FILE_RECORD -> WriteFileRecordRequest.decode(pdu);
            case MASK_WRITE_REGISTER -> MaskWriteRegisterRequest.decode(pdu);
            case READ_WRITE_MULTIPLE_REGISTERS -> ReadWriteMultipleRegistersRequest.decode(pdu);
            case READ_FIFO_QUEUE -> ReadFifoQueueRequest.decode(pdu);
            case ENCAPSULATED_INTERFACE_TRANSPORT -> isReadDeviceIdentification(pdu)
                    ? ReadDeviceIdentificationRequest.decode(pdu)
                    : EncapsulatedInterfaceRequest.decode(pdu);
            default -> RawPdu.decode(pdu, false);
        };
    }

    static ModbusPdu response(ByteBuffer pdu, int functionCode) throws ModbusDecodeException {
        if (functionCode >= EXCEPTION_BIT) {
            return ExceptionResponse.decode(pdu);
        }
        return switch (functionCode) {
            case READ_COILS -> ReadCoilsResponse.decode(pdu);
            case READ_DISCRETE_INPUTS -> ReadDiscreteInputsResponse.decode(pdu);
            case READ_HOLDING_REGISTERS -> ReadHoldingRegistersResponse.decode(pdu);
            case READ_INPUT_REGISTERS -> ReadInputRegistersResponse.decode(pdu);
            case WRITE_SINGLE_COIL -> WriteSingleCoilResponse.decode(pdu);
            case WRITE_SINGLE_REGISTER -> WriteSingleRegisterResponse.decode(pdu);
            case READ_EXCEPTION_STATUS -> ReadExceptionStatusResponse.decode(pdu);
            case DIAGNOSTICS -> DiagnosticsResponse.decode(pdu);
            case GET_COMM_EVENT_COUNTER -> GetCommEventCounterResponse.decode(pdu);
            case GET_COMM_EVENT_LOG -> GetCommEventLogResponse.decode(pdu);
            case WRITE_MULTIPLE_COILS -> WriteMultipleCoilsResponse.decode(pdu);
            case WRITE_MULTIPLE_REGISTERS -> WriteMultipleRegistersResponse.decode(pdu);
            case REPORT_SERVER_ID -> ReportServerIdResponse.decode(pdu);
            case READ_FILE_RECORD -> ReadFileRecordResponse.decode(pdu);
            case WRITE_FILE_RECORD -> WriteFileRecordResponse.decode(pdu);
            case MASK_WRITE_REGISTER -> MaskWriteRegisterResponse.decode(pdu);
            case READ_WRITE_MULTIPLE_REGISTERS -> ReadWriteMultipleRegistersResponse.decode(pdu);
            case READ_FIFO_QUEUE -> ReadFifoQueueResponse.decode(pdu);
            case ENCAPSULATED_INTERFACE_TRANSPORT -> isReadDeviceIdentification(pdu)
                    ? ReadDeviceIdentificationResponse.decode(pdu)
                    : EncapsulatedInterfaceResponse.decode(pdu);
            default -> RawPdu.decode(pdu, true);
        };
    }

    private static boolean isReadDeviceIdentification(ByteBuffer pdu) {
        return pdu.remaining() >= 2 && (pdu.get(pdu.position() + 1) & 0xFF) == MeiTypes.READ_DEVICE_IDENTIFICATION;
    }
}
