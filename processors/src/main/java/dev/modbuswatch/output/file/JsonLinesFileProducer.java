package dev.modbuswatch.output.file;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.util.Arrays;

/** Appends the body, complete JSON lines as bytes or text, to the endpoint's file in one write. */
final class JsonLinesFileProducer extends DefaultProducer {

    private JsonLinesFile file;

    JsonLinesFileProducer(JsonLinesFileEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        file = ((JsonLinesFileEndpoint) getEndpoint()).file();
    }

    @Override
    public void process(Exchange exchange) {
        byte[] lines = exchange.getMessage().getBody(byte[].class);
        if (lines == null || lines.length == 0) {
            return;
        }
        if (lines[lines.length - 1] != '\n') {
            lines = Arrays.copyOf(lines, lines.length + 1);
            lines[lines.length - 1] = '\n';
        }
        file.append(lines);
    }
}
