package dev.modbuswatch.modbus.fields;

import dev.modbuswatch.modbus.ExceptionResponse;
import dev.modbuswatch.modbus.FunctionCodes;
import dev.modbuswatch.modbus.Hex;
import dev.modbuswatch.modbus.ModbusDecodeException;
import dev.modbuswatch.modbus.ModbusPdu;
import dev.modbuswatch.modbus.ModbusRequest;
import dev.modbuswatch.modbus.ModbusResponse;
import dev.modbuswatch.modbus.RawPdu;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Writes the Modbus fields of an event under the names NXLog's im_pcap uses ({@code modbus.trans_id},
 * {@code modbus.function_code}, {@code modbus.query.write_multiple_registers.starting_address}, ...), extended in
 * the same style where NXLog has no name; processors/FIELDS.md lists them all. Values are always strings and are
 * put in a fixed order, so a {@link java.util.LinkedHashMap} keeps the event stable.
 */
public final class ModbusEventFields {

    public static final String TRANS_ID = "modbus.trans_id";
    public static final String PROT_ID = "modbus.prot_id";
    public static final String LENGTH = "modbus.length";
    public static final String UNIT_ID = "modbus.unit_id";
    public static final String FUNCTION_CODE = "modbus.function_code";
    public static final String MALFORMED = "modbus.malformed";
    public static final String MALFORMED_REASON = "modbus.malformed_reason";
    public static final String RAW_PDU = "modbus.raw_pdu";

    private ModbusEventFields() {
    }

    /** The MBAP header fields {@code modbus.trans_id}, {@code .prot_id}, {@code .length} and {@code .unit_id}. */
    public static void appendHeader(int transactionId, int protocolId, int length, int unitId,
                                    Map<String, String> out) {
        out.put(TRANS_ID, Integer.toString(transactionId));
        out.put(PROT_ID, Integer.toString(protocolId));
        out.put(LENGTH, Integer.toString(length));
        out.put(UNIT_ID, Integer.toString(unitId));
    }

    /**
     * {@code modbus.function_code} and the {@code modbus.query.*} or {@code modbus.response.*} fields of a decoded
     * PDU; the direction comes from the PDU itself.
     */
    public static void append(ModbusPdu pdu, Map<String, String> out) {
        int functionCode = pdu.functionCode();
        boolean response = pdu.isResponse();
        out.put(FUNCTION_CODE, FunctionCodes.label(functionCode, response));
        FieldSink fields = new FieldSink(out, functionCode, response);
        if (pdu instanceof ModbusRequest request) {
            RequestFieldWriter.write(request, fields);
        } else if (pdu instanceof ModbusResponse modbusResponse) {
            ResponseFieldWriter.write(modbusResponse, fields);
        } else if (pdu instanceof RawPdu raw) {
            fields.put(EventField.FUNCTION_CLASS, raw.functionClass().label());
            fields.putHex(EventField.DATA, raw.data());
        }
    }

    /**
     * The fields of a PDU that failed to decode: {@code modbus.function_code} named from its first byte (absent for
     * an empty PDU), {@code modbus.malformed} = {@code "true"}, {@code modbus.malformed_reason} = the error message
     * and {@code modbus.raw_pdu} = the PDU, function code included, as hex.
     *
     * @param pdu the PDU from its function code byte, as it was given to {@link ModbusPdu#decode}; not consumed
     */
    public static void appendMalformed(ByteBuffer pdu, boolean response, ModbusDecodeException error,
                                       Map<String, String> out) {
        if (pdu.hasRemaining()) {
            out.put(FUNCTION_CODE, FunctionCodes.label(pdu.get(pdu.position()), response));
        }
        appendExceptionCode(pdu, response, out);
        out.put(MALFORMED, "true");
        out.put(MALFORMED_REASON, error.getMessage());
        out.put(RAW_PDU, Hex.of(pdu));
    }

    /**
     * An exception response followed by stray bytes (seen from real devices: {@code 81 06 00}) still says which
     * exception it is; keep that next to the malformed flag.
     */
    private static void appendExceptionCode(ByteBuffer pdu, boolean response, Map<String, String> out) {
        int start = pdu.position();
        if (!response || pdu.remaining() < 2 || (pdu.get(start) & 0x80) == 0) {
            return;
        }
        try {
            append(ExceptionResponse.decode(pdu.duplicate().limit(start + 2)), out);
        } catch (ModbusDecodeException notAnException) {
            // nothing more can be said than the malformed fields
        }
    }

    /**
     * Decodes the PDU and appends its fields, or the malformed fields when it breaks the protocol.
     *
     * @return the decoded PDU, or {@code null} when it was malformed
     */
    public static ModbusPdu decodeAndAppend(ByteBuffer pdu, boolean response, Map<String, String> out) {
        try {
            ModbusPdu decoded = ModbusPdu.decode(pdu, response);
            append(decoded, out);
            return decoded;
        } catch (ModbusDecodeException e) {
            appendMalformed(pdu, response, e, out);
            return null;
        }
    }
}
