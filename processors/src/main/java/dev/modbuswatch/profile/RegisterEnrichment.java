package dev.modbuswatch.profile;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.modbus.HoldingRegisterWrite;
import dev.modbuswatch.modbus.ReadHoldingRegistersRequest;
import dev.modbuswatch.modbus.ReadHoldingRegistersResponse;
import dev.modbuswatch.modbus.ReadInputRegistersRequest;
import dev.modbuswatch.modbus.ReadInputRegistersResponse;
import dev.modbuswatch.modbus.ReadWriteMultipleRegistersRequest;
import dev.modbuswatch.modbus.ReadWriteMultipleRegistersResponse;

import java.util.List;
import java.util.Optional;

/**
 * Names and scales register values in events from the device's profile: the values a request writes, and, once the
 * transaction is complete, the values a read response carries (whose addresses only the request knows).
 */
public final class RegisterEnrichment {

    private final DeviceProfiles profiles;

    public RegisterEnrichment(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    /** {@link #request} for each message of a batch. */
    public void requests(List<ModbusMessage> messages) {
        messages.forEach(this::request);
    }

    public void request(ModbusMessage request) {
        HoldingRegisterWrite write = HoldingRegisterWrite.of(request.pdu());
        if (write == null) {
            return;
        }
        Optional<DeviceProfile> profile = profileOf(request);
        if (profile.isPresent()) {
            RegisterFields.appendHoldingRegisters(profile.get(), write.start(), write.values(), request.event());
        }
    }

    public void response(ModbusTransaction transaction) {
        ModbusMessage request = transaction.request();
        ModbusMessage response = transaction.response();
        if (request == null || response == null || response.pdu() == null) {
            return;
        }
        Optional<DeviceProfile> profile = profileOf(response);
        if (profile.isEmpty()) {
            return;
        }
        if (request.pdu() instanceof ReadHoldingRegistersRequest read
                && response.pdu() instanceof ReadHoldingRegistersResponse values) {
            RegisterFields.appendHoldingRegisters(profile.get(), read.startingAddress(), values.registers(),
                    response.event());
        } else if (request.pdu() instanceof ReadInputRegistersRequest read
                && response.pdu() instanceof ReadInputRegistersResponse values) {
            RegisterFields.appendInputRegisters(profile.get(), read.startingAddress(), values.registers(),
                    response.event());
        } else if (request.pdu() instanceof ReadWriteMultipleRegistersRequest read
                && response.pdu() instanceof ReadWriteMultipleRegistersResponse values) {
            RegisterFields.appendHoldingRegisters(profile.get(), read.readStartingAddress(), values.registers(),
                    response.event());
        }
    }

    private Optional<DeviceProfile> profileOf(ModbusMessage message) {
        return profiles.forDevice(message.adu().connection().server(), message.adu().unitId());
    }
}
