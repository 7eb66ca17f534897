package dev.modbuswatch.modbus.fields;

import static dev.modbuswatch.modbus.fields.EventField.*;

import dev.modbuswatch.modbus.DeviceIdentificationNames;
import dev.modbuswatch.modbus.DeviceIdentificationObject;
import dev.modbuswatch.modbus.DiagnosticSubFunctions;
import dev.modbuswatch.modbus.DiagnosticsResponse;
import dev.modbuswatch.modbus.EncapsulatedInterfaceResponse;
import dev.modbuswatch.modbus.ExceptionCodes;
import dev.modbuswatch.modbus.ExceptionResponse;
import dev.modbuswatch.modbus.FileRecordData;
import dev.modbuswatch.modbus.GetCommEventCounterResponse;
import dev.modbuswatch.modbus.GetCommEventLogResponse;
import dev.modbuswatch.modbus.MaskWriteRegisterResponse;
import dev.modbuswatch.modbus.MeiTypes;
import dev.modbuswatch.modbus.ModbusResponse;
import dev.modbuswatch.modbus.ReadCoilsResponse;
import dev.modbuswatch.modbus.ReadDeviceIdentificationResponse;
import dev.modbuswatch.modbus.ReadDiscreteInputsResponse;
import dev.modbuswatch.modbus.ReadExceptionStatusResponse;
import dev.modbuswatch.modbus.ReadFifoQueueResponse;
import dev.modbuswatch.modbus.ReadFileRecordResponse;
import dev.modbuswatch.modbus.ReadHoldingRegistersResponse;
import dev.modbuswatch.modbus.ReadInputRegistersResponse;
import dev.modbuswatch.modbus.ReadWriteMultipleRegistersResponse;
import dev.modbuswatch.modbus.ReportServerIdResponse;
import dev.modbuswatch.modbus.WriteFileRecordResponse;
import dev.modbuswatch.modbus.WriteMultipleCoilsResponse;
import dev.modbuswatch.modbus.WriteMultipleRegistersResponse;
import dev.modbuswatch.modbus.WriteSingleCoilResponse;
import dev.modbuswatch.modbus.WriteSingleRegisterResponse;

/** The {@code modbus.response.*} fields of each response in protocol order; the frequent functions come first. */
final class ResponseFieldWriter {

    private ResponseFieldWriter() {
    }

    static void write(ModbusResponse pdu, FieldSink fields) {
        if (pdu instanceof ReadHoldingRegistersResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putRegisters(REGISTERS, r.registers());
        } else if (pdu instanceof ReadInputRegistersResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putRegisters(INPUT_REGISTERS, r.registers());
        } else if (pdu instanceof ReadCoilsResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putBits(COIL_STATUS, r.coilStatus(), 8 * r.byteCount());
        } else if (pdu instanceof ReadDiscreteInputsResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putBits(INPUT_STATUS, r.inputStatus(), 8 * r.byteCount());
        } else if (pdu instanceof ExceptionResponse r) {
            fields.put(EXC_CODE, ExceptionCodes.label(r.exceptionCode()));
        } else if (pdu instanceof WriteSingleRegisterResponse r) {
            fields.put(REGISTER_ADDRESS, r.registerAddress());
            fields.put(REGISTER_VALUE, r.registerValue());
        } else if (pdu instanceof WriteMultipleRegistersResponse r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_REGS, r.quantity());
        } else if (pdu instanceof WriteSingleCoilResponse r) {
            fields.put(OUTPUT_ADDRESS, r.outputAddress());
            fields.put(OUTPUT_VALUE, r.outputValue());
        } else if (pdu instanceof WriteMultipleCoilsResponse r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_OUTPUTS, r.quantity());
        } else if (pdu instanceof ReadWriteMultipleRegistersResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putRegisters(READ_REGISTERS_VALUE, r.registers());
        } else if (pdu instanceof MaskWriteRegisterResponse r) {
            fields.put(REF_ADDRESS, r.referenceAddress());
            fields.put(AND_MASK, r.andMask());
            fields.put(OR_MASK, r.orMask());
        } else if (pdu instanceof DiagnosticsResponse r) {
            fields.put(SUB_FUNCTION, DiagnosticSubFunctions.label(r.subFunction()));
            fields.putHex(DATA, r.data());
        } else if (pdu instanceof ReadExceptionStatusResponse r) {
            fields.put(OUTPUT_DATA, r.outputData());
        } else if (pdu instanceof GetCommEventCounterResponse r) {
            fields.put(STATUS, r.status());
            fields.put(EVENT_COUNT, r.eventCount());
        } else if (pdu instanceof GetCommEventLogResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.put(STATUS, r.status());
            fields.put(EVENT_COUNT, r.eventCount());
            fields.put(MESSAGE_COUNT, r.messageCount());
            fields.putHex(EVENTS, r.events());
        } else if (pdu instanceof ReportServerIdResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putHex(DATA, r.data());
        } else if (pdu instanceof ReadDeviceIdentificationResponse r) {
            writeDeviceIdentification(r, fields);
        } else if (pdu instanceof EncapsulatedInterfaceResponse r) {
            fields.put(MEI_TYPE, MeiTypes.label(r.meiType()));
            fields.putHex(DATA, r.data());
        } else if (pdu instanceof ReadFifoQueueResponse r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.put(FIFO_COUNT, r.fifoCount());
            fields.putRegisters(FIFO_VALUE_REGISTER, r.fifoValues());
        } else if (pdu instanceof ReadFileRecordResponse r) {
            fields.put(RESP_DATA_LENGTH, r.responseDataLength());
            fields.putEach(FILE_RESP_LENGTH, r.subResponses(), FileRecordData::fileResponseLength);
            fields.putEach(REFERENCE_TYPE, r.subResponses(), FileRecordData::referenceType);
            fields.putRegistersOfEach(RECORD_DATA, r.subResponses(), FileRecordData::recordData);
        } else if (pdu instanceof WriteFileRecordResponse r) {
            fields.put(RESP_DATA_LENGTH, r.responseDataLength());
            FileRecordFields.write(r.subResponses(), fields);
        }
    }

    private static void writeDeviceIdentification(ReadDeviceIdentificationResponse r, FieldSink fields) {
        fields.put(MEI_TYPE, MeiTypes.label(r.meiType()));
        fields.put(READ_DEVICE_ID_CODE, DeviceIdentificationNames.readDeviceIdCodeLabel(r.readDeviceIdCode()));
        fields.put(CONFORMITY_LEVEL, DeviceIdentificationNames.conformityLevelLabel(r.conformityLevel()));
        fields.put(MORE_FOLLOWS, r.moreFollows());
        fields.put(NEXT_OBJECT_ID, r.nextObjectId());
        fields.put(NUMBER_OF_OBJECTS, r.objects().size());
        for (DeviceIdentificationObject object : r.objects()) {
            fields.putDeviceObject(object.objectId(), object.text());
        }
    }
}
