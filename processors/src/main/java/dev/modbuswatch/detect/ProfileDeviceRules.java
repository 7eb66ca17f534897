package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.profile.DeviceProfile;
import dev.modbuswatch.profile.DeviceProfiles;

import java.util.Optional;

/** The detections' device rules taken from the device profiles: the profile of the server and unit decides. */
public final class ProfileDeviceRules implements DeviceRules {

    private final DeviceProfiles profiles;

    public ProfileDeviceRules(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public int passphraseRegister(ModbusAdu adu) {
        Optional<DeviceProfile> profile = profiles.forDevice(adu.connection().server(), adu.unitId());
        return profile.isPresent() ? profile.get().passphraseRegister() : -1;
    }

    @Override
    public boolean coversProtected(ModbusAdu adu, int start, int quantity) {
        Optional<DeviceProfile> profile = profiles.forDevice(adu.connection().server(), adu.unitId());
        return profile.isPresent() && profile.get().coversProtected(start, quantity);
    }
}
