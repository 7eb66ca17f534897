package dev.modbuswatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.test.main.junit5.AdviceRouteMapping;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure inside the pipeline loses nothing: each failed ADU lands, with the error, in dead-letter.jsonl. */
@CamelMainTest(
        configurationClasses = ModbusWatchConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties",
        properties = {
            "camel.main.routes-include-pattern=file:routes/*.yaml",
            "modbus.capture.uri=pcap:file:samples/seed-scenario.pcap",
            "modbus.output.dir=" + DeadLetterRouteTest.OUTPUT
        },
        advices = @AdviceRouteMapping(route = "modbus-capture", advice = DeadLetterRouteTest.FailingCorrelation.class))
class DeadLetterRouteTest {

    static final String OUTPUT = "target/dead-letter-test";

    static {
        CaptureRouteTests.deleteOutputs(OUTPUT, "dead-letter.jsonl", "events.jsonl");
    }

    public static class FailingCorrelation extends AdviceWithRouteBuilder {
        @Override
        public void configure() {
            weaveByToUri("direct:correlate").replace().throwException(new IllegalStateException("correlation broke"));
        }
    }

    @BeanInject
    CamelContext context;

    @Test
    void failedAdusAreKeptWithTheirError() throws Exception {
        CaptureRouteTests.awaitEndOfCapture(context);

        List<String> lines = Files.readAllLines(Path.of(OUTPUT, "dead-letter.jsonl"));
        assertThat(lines).hasSize(6);
        @SuppressWarnings("unchecked")
        Map<String, String> badLogin = new ObjectMapper().readValue(lines.get(4), Map.class);
        assertThat(badLogin).containsEntry("route", "modbus-capture")
                .containsEntry("direction", "request").containsEntry("modbus.trans_id", "7")
                .containsEntry("modbus.pdu", "10001f00060c006100620063006400650066")
                .containsEntry("EventTime", "2025-11-22T08:27:40.003000+00:00")
                .hasEntrySatisfying("error", error -> assertThat(error).contains("correlation broke"));
        Path events = Path.of(OUTPUT, "events.jsonl");
        assertThat(Files.exists(events) ? Files.readAllLines(events) : List.of()).as("no event of a failed PDU").isEmpty();
    }
}
