package dev.modbuswatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML route of routes/ in camel-main, reading the bundled sample through the real pcap endpoint. */
@CamelMainTest(
        configurationClasses = ModbusWatchConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties",
        properties = {
            "camel.main.routes-include-pattern=file:routes/*.yaml",
            "modbus.capture.uri=pcap:file:samples/seed-scenario.pcap",
            "modbus.output.dir=" + ModbusEventsRouteTest.OUTPUT,
            "modbus.event.source-module-name=route_test"
        })
class ModbusEventsRouteTest {

    static final String OUTPUT = "target/route-test";

    static {
        CaptureRouteTests.deleteOutputs(OUTPUT, "events.jsonl", "anomalies.jsonl");
    }

    @org.apache.camel.BeanInject
    CamelContext context;

    @Test
    void sampleBecomesOneJsonLinePerPdu() throws Exception {
        CaptureRouteTests.awaitEndOfCapture(context);

        List<String> lines = Files.readAllLines(Path.of(OUTPUT, "events.jsonl"));
        assertThat(lines).hasSize(6);
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, String> first = json.readValue(lines.get(0), Map.class);
        assertThat(first).containsEntry("modbus.function_code", "Read Holding Registers (03)")
                .containsEntry("modbus.query.read_holding_registers.qty_of_regs", "5")
                .containsEntry("SourceModuleName", "route_test")
                .containsEntry("EventTime", "2025-11-22T08:26:40.003000+00:00");
        assertThat(Path.of(OUTPUT, "anomalies.jsonl")).doesNotExist();
    }
}
