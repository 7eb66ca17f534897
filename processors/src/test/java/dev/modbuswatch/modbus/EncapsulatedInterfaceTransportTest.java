package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Function 43: Read Device Identification (MEI 14), CANopen General Reference (MEI 13) and reserved MEI types. */
class EncapsulatedInterfaceTransportTest {

    // cisagov-icsnpp-modbus/modbus_example.pcap
    private static final String DEVICE_IDENTIFICATION = "2b 0e 01 83 00 00 03"
            + " 00 10 5a65656b204d6f646275732054657374"
            + " 01 18 50726f746f636f6c2050617273696e672069732066756e21"
            + " 02 07 312e322e332e36";

    @Test
    void readDeviceIdentificationRequest() throws Exception {
        ReadDeviceIdentificationRequest pdu = (ReadDeviceIdentificationRequest) request("2b 0e 01 00");

        assertThat(pdu).isEqualTo(new ReadDeviceIdentificationRequest(1, 0));
        assertThat(pdu.meiType()).isEqualTo(14);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Encapsulated Interface Transport (43)"),
                entry("modbus.query.encapsulated_interface_transport.mei_type", "Read Device Identification (14)"),
                entry("modbus.query.encapsulated_interface_transport.read_device_id_code", "Basic Device Identification (01)"),
                entry("modbus.query.encapsulated_interface_transport.object_id", "0"));
    }

    @Test
    void readDeviceIdentificationResponseNamesItsObjects() throws Exception {
        ReadDeviceIdentificationResponse pdu = (ReadDeviceIdentificationResponse) response(DEVICE_IDENTIFICATION);

        assertThat(pdu.readDeviceIdCode()).isEqualTo(1);
        assertThat(pdu.conformityLevel()).isEqualTo(0x83);
        assertThat(pdu.moreFollows()).isFalse();
        assertThat(pdu.nextObjectId()).isZero();
        assertThat(pdu.objects()).extracting(DeviceIdentificationObject::name)
                .containsExactly("VendorName", "ProductCode", "MajorMinorRevision");
        assertThat(pdu.objects()).extracting(DeviceIdentificationObject::text)
                .containsExactly("Zeek Modbus Test", "Protocol Parsing is fun!", "1.2.3.6");
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Encapsulated Interface Transport (43)"),
                entry("modbus.response.encapsulated_interface_transport.mei_type", "Read Device Identification (14)"),
                entry("modbus.response.encapsulated_interface_transport.read_device_id_code",
                        "Basic Device Identification (01)"),
                entry("modbus.response.encapsulated_interface_transport.conformity_level",
                        "Extended Identification, stream and individual access (0x83)"),
                entry("modbus.response.encapsulated_interface_transport.more_follows", "false"),
                entry("modbus.response.encapsulated_interface_transport.next_object_id", "0"),
                entry("modbus.response.encapsulated_interface_transport.number_of_objects", "3"),
                entry("modbus.response.encapsulated_interface_transport.object.vendor_name", "Zeek Modbus Test"),
                entry("modbus.response.encapsulated_interface_transport.object.product_code", "Protocol Parsing is fun!"),
                entry("modbus.response.encapsulated_interface_transport.object.major_minor_revision", "1.2.3.6"));
    }

    @Test
    void privateObjectsAndMoreFollows() throws Exception {
        ReadDeviceIdentificationResponse pdu =
                (ReadDeviceIdentificationResponse) response("2b 0e 04 01 ff 05 01 80 02 4142");

        assertThat(pdu).isEqualTo(new ReadDeviceIdentificationResponse(4, 1, true, 5,
                List.of(new DeviceIdentificationObject(0x80, Bytes.ofHex("4142")))));
        assertThat(pdu.objects().get(0).name()).isEqualTo("Private");
        assertThat(fields(pdu))
                .containsEntry("modbus.response.encapsulated_interface_transport.read_device_id_code",
                        "Specific Identification Object (04)")
                .containsEntry("modbus.response.encapsulated_interface_transport.conformity_level",
                        "Basic Identification, stream access only (0x01)")
                .containsEntry("modbus.response.encapsulated_interface_transport.more_follows", "true")
                .containsEntry("modbus.response.encapsulated_interface_transport.next_object_id", "5")
                .containsEntry("modbus.response.encapsulated_interface_transport.object.private_128", "AB");
    }

    @Test
    void canopenGeneralReferenceIsKeptRaw() throws Exception {
        EncapsulatedInterfaceRequest pdu = (EncapsulatedInterfaceRequest) request("2b 0d 0001 0203");

        assertThat(pdu).isEqualTo(new EncapsulatedInterfaceRequest(13, Bytes.ofHex("00010203")));
        assertThat(pdu.meiTypeName()).isEqualTo("CANopen General Reference");
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Encapsulated Interface Transport (43)"),
                entry("modbus.query.encapsulated_interface_transport.mei_type", "CANopen General Reference (13)"),
                entry("modbus.query.encapsulated_interface_transport.data", "00010203"));

        assertThat(response("2b 0d ab")).isEqualTo(new EncapsulatedInterfaceResponse(13, Bytes.ofHex("ab")));
        assertThat(fields(response("2b 0d ab")))
                .containsEntry("modbus.response.encapsulated_interface_transport.mei_type", "CANopen General Reference (13)")
                .containsEntry("modbus.response.encapsulated_interface_transport.data", "ab");
    }

    @Test
    void reservedMeiTypesAreKeptRaw() throws Exception {
        EncapsulatedInterfaceRequest pdu = (EncapsulatedInterfaceRequest) request("2b 0a ff");

        assertThat(pdu.meiType()).isEqualTo(10);
        assertThat(pdu.meiTypeName()).isEqualTo("Reserved MEI Type");
        assertThat(fields(pdu)).containsEntry("modbus.query.encapsulated_interface_transport.mei_type",
                "Reserved MEI Type (10)");
    }

    @Test
    void encapsulatedInterfaceTransportException() throws Exception {
        // zeek/modbus-eit.pcap
        assertThat(fields(response("ab 04"))).containsExactly(
                entry("modbus.function_code", "Encapsulated Interface Transport Error (0xAB)"),
                entry("modbus.response.encapsulated_interface_transport.exc_code", "Server Device Failure (04)"));
    }

    @Test
    void decodeErrors() {
        // ITI modbus_test_data_part1.pcap sends a stray byte after the object ID.
        assertThat(requestError("2b 0e 03 01 00")).isEqualTo("Encapsulated Interface Transport request: 5 bytes, expected 4");
        assertThat(requestError("2b 0e 05 00"))
                .isEqualTo("Encapsulated Interface Transport request: read device ID code 5 out of range 1..4");
        assertThat(requestError("2b")).isEqualTo("Encapsulated Interface Transport request: 1 byte, expected at least 2");
        // zeek/modbus-eit.pcap
        assertThat(responseError("2b 0e 01 00 4d b7 00 00 00 00 00"))
                .isEqualTo("Encapsulated Interface Transport response: more follows 0x4D, expected 0x00 or 0xFF");
        assertThat(responseError("2b 0e 01 01 00 00 01 00 10 5a65"))
                .isEqualTo("Encapsulated Interface Transport response: object #1 of 1 (VendorName) needs 16 bytes"
                        + " but 2 bytes follow");
        assertThat(responseError("2b 0e 01 01 00 00 02 00 01 41"))
                .isEqualTo("Encapsulated Interface Transport response: object #2 of 2 needs 2 bytes but 0 bytes follow");
        assertThat(responseError("2b 0e 01 01 00 00 00 00"))
                .isEqualTo("Encapsulated Interface Transport response: 1 byte left over after the last field");
        assertThat(responseError("2b 0e 01 01 00 00"))
                .isEqualTo("Encapsulated Interface Transport response: 6 bytes, expected at least 7");
    }
}
