package dev.modbuswatch.it;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one alert the bundled sample (samples/seed-scenario.pcap) raises, as every runtime must write it. */
public final class SampleAlert {

    private SampleAlert() {
    }

    public static void assertIsTheSamplesBadLogin(Map<String, String> alert) {
        assertThat(alert).containsEntry("SecurityAlert", "Bad login")
                .containsEntry("modbus.trans_id", "7").containsEntry("tcp.dst_port", "39565")
                .containsEntry("modbus.function_code", "Write Multiple Registers Error (0x90)");
        assertThat(alert.get("SecurityDetails")).isEqualTo("Write Multiple Registers (16) request from"
                + " 192.168.56.10:39565 to 192.168.56.20:502 at 2025-11-22T08:27:40.003000+00:00, transaction 7,"
                + " unit 10, starting address 31, quantity 6; passphrase masked: 6 registers, hmac-sha256 "
                + "431e46d6d3f353e1");
    }
}
