package dev.modbuswatch.modbus.fields;

import static dev.modbuswatch.modbus.fields.EventField.*;

import dev.modbuswatch.modbus.DeviceIdentificationNames;
import dev.modbuswatch.modbus.DiagnosticSubFunctions;
import dev.modbuswatch.modbus.DiagnosticsRequest;
import dev.modbuswatch.modbus.EncapsulatedInterfaceRequest;
import dev.modbuswatch.modbus.FileRecordReference;
import dev.modbuswatch.modbus.MaskWriteRegisterRequest;
import dev.modbuswatch.modbus.MeiTypes;
import dev.modbuswatch.modbus.ModbusRequest;
import dev.modbuswatch.modbus.ReadCoilsRequest;
import dev.modbuswatch.modbus.ReadDeviceIdentificationRequest;
import dev.modbuswatch.modbus.ReadDiscreteInputsRequest;
import dev.modbuswatch.modbus.ReadFifoQueueRequest;
import dev.modbuswatch.modbus.ReadFileRecordRequest;
import dev.modbuswatch.modbus.ReadHoldingRegistersRequest;
import dev.modbuswatch.modbus.ReadInputRegistersRequest;
import dev.modbuswatch.modbus.ReadWriteMultipleRegistersRequest;
import dev.modbuswatch.modbus.WriteFileRecordRequest;
import dev.modbuswatch.modbus.WriteMultipleCoilsRequest;
import dev.modbuswatch.modbus.WriteMultipleRegistersRequest;
import dev.modbuswatch.modbus.WriteSingleCoilRequest;
import dev.modbuswatch.modbus.WriteSingleRegisterRequest;

/** The {@code modbus.query.*} fields of each request, in protocol order; the frequent functions are tested first. */
final class RequestFieldWriter {

    private RequestFieldWriter() {
    }

    static void write(ModbusRequest pdu, FieldSink fields) {
        if (pdu instanceof ReadHoldingRegistersRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_REGS, r.quantity());
        } else if (pdu instanceof ReadInputRegistersRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_INPUT_REGS, r.quantity());
        } else if (pdu instanceof ReadCoilsRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_COILS, r.quantity());
        } else if (pdu instanceof ReadDiscreteInputsRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_INPUTS, r.quantity());
        } else if (pdu instanceof WriteSingleRegisterRequest r) {
            fields.put(REGISTER_ADDRESS, r.registerAddress());
            fields.put(REGISTER_VALUE, r.registerValue());
        } else if (pdu instanceof WriteMultipleRegistersRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_REGS, r.quantity());
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putRegisters(REGISTERS, r.registers());
        } else if (pdu instanceof WriteSingleCoilRequest r) {
            fields.put(OUTPUT_ADDRESS, r.outputAddress());
            fields.put(OUTPUT_VALUE, r.outputValue());
        } else if (pdu instanceof WriteMultipleCoilsRequest r) {
            fields.put(STARTING_ADDRESS, r.startingAddress());
            fields.put(QTY_OF_OUTPUTS, r.quantity());
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putBits(OUTPUTS_VALUE, r.outputsValue(), r.quantity());
        } else if (pdu instanceof ReadWriteMultipleRegistersRequest r) {
            fields.put(READ_STARTING_ADDRESS, r.readStartingAddress());
            fields.put(QTY_TO_READ, r.quantityToRead());
            fields.put(WRITE_STARTING_ADDRESS, r.writeStartingAddress());
            fields.put(QTY_TO_WRITE, r.quantityToWrite());
            fields.put(WRITE_BYTE_COUNT, r.writeByteCount());
            fields.putRegisters(WRITE_REGISTERS_VALUE, r.writeRegisters());
        } else if (pdu instanceof MaskWriteRegisterRequest r) {
            fields.put(REF_ADDRESS, r.referenceAddress());
            fields.put(AND_MASK, r.andMask());
            fields.put(OR_MASK, r.orMask());
        } else if (pdu instanceof DiagnosticsRequest r) {
            fields.put(SUB_FUNCTION, DiagnosticSubFunctions.label(r.subFunction()));
            fields.putHex(DATA, r.data());
        } else if (pdu instanceof ReadDeviceIdentificationRequest r) {
            fields.put(MEI_TYPE, MeiTypes.label(r.meiType()));
            fields.put(READ_DEVICE_ID_CODE, DeviceIdentificationNames.readDeviceIdCodeLabel(r.readDeviceIdCode()));
            fields.put(OBJECT_ID, r.objectId());
        } else if (pdu instanceof EncapsulatedInterfaceRequest r) {
            fields.put(MEI_TYPE, MeiTypes.label(r.meiType()));
            fields.putHex(DATA, r.data());
        } else if (pdu instanceof ReadFifoQueueRequest r) {
            fields.put(FIFO_POINTER_ADDRESS, r.fifoPointerAddress());
        } else if (pdu instanceof ReadFileRecordRequest r) {
            fields.put(BYTE_COUNT, r.byteCount());
            fields.putEach(REFERENCE_TYPE, r.subRequests(), FileRecordReference::referenceType);
            fields.putEach(FILE_NUMBER, r.subRequests(), FileRecordReference::fileNumber);
            fields.putEach(RECORD_NUMBER, r.subRequests(), FileRecordReference::recordNumber);
            fields.putEach(RECORD_LENGTH, r.subRequests(), FileRecordReference::recordLength);
        } else if (pdu instanceof WriteFileRecordRequest r) {
            fields.put(REQUEST_DATA_LENGTH, r.requestDataLength());
            FileRecordFields.write(r.subRequests(), fields);
        }
        // Read Exception Status, Get Comm Event Counter/Log and Report Server ID requests carry no fields.
    }
}
