package dev.modbuswatch.bench.jmh;

import dev.modbuswatch.modbus.ModbusDecodeException;
import dev.modbuswatch.modbus.ModbusPdu;
import dev.modbuswatch.modbus.fields.ModbusEventFields;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Modbus PDU decoder alone: decoding a PDU into its record, and decoding it into the event's im_pcap fields, for
 * the PDUs of the benchmark capture (dev.modbuswatch.bench.SyntheticCaptureGenerator).
 */
public class ModbusDecoderBenchmark extends ThroughputBenchmark {

    @Param({"read-holding-request", "read-holding-response", "write-multiple-request", "exception-response"})
    public String pdu;

    private byte[] bytes;
    private boolean response;

    @Setup
    public void setUp() {
        String hex = switch (pdu) {
            case "read-holding-request" -> "03 0000 0005";
            case "read-holding-response" -> "03 0a 0096 0190 0001 0000 0185";
            case "write-multiple-request" -> "10 001f 0006 0c 0061 0062 0063 0064 0065 0066";
            case "exception-response" -> "90 02";
            default -> throw new IllegalArgumentException("unknown PDU " + pdu);
        };
        bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        response = pdu.endsWith("response");
    }

    @Benchmark
    public ModbusPdu decode() throws ModbusDecodeException {
        return ModbusPdu.decode(ByteBuffer.wrap(bytes), response);
    }

    @Benchmark
    public Map<String, String> decodeToEventFields() {
        Map<String, String> event = new LinkedHashMap<>(32);
        ModbusEventFields.decodeAndAppend(ByteBuffer.wrap(bytes), response, event);
        return event;
    }
}
