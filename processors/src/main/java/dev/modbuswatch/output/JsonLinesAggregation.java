package dev.modbuswatch.output;

import dev.modbuswatch.correlate.ModbusMessage;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Joins JSON documents into JSON lines ({@link JsonLines}), so that batches appended to one file stay one document
 * per line. Records (a {@link Map}, or the event of a {@link ModbusMessage}) are encoded here, as
 * {@code marshal: json} would write them; documents already marshalled are copied. A part without a body (one that
 * failed and went to the dead letters) adds no line. The joined body ends as a byte array.
 */
public final class JsonLinesAggregation implements AggregationStrategy {

    private static final int EXPECTED_BYTES = 512 * 500;

    @Override
    public Exchange aggregate(Exchange joined, Exchange next) {
        Exchange into = joined == null ? next : joined;
        JsonLines lines = joined == null ? new JsonLines(EXPECTED_BYTES) : joined.getMessage().getBody(JsonLines.class);
        add(lines, next.getMessage().getBody(), next);
        into.getMessage().setBody(lines);
        return into;
    }

    @Override
    public void onCompletion(Exchange joined) {
        if (joined != null && joined.getMessage().getBody() instanceof JsonLines lines) {
            joined.getMessage().setBody(lines.toByteArray());
        }
    }

    private static void add(JsonLines lines, Object line, Exchange part) {
        if (line instanceof ModbusMessage message) {
            lines.addRecord(message.event());
        } else if (line instanceof Map<?, ?> record) {
            lines.addRecord(record);
        } else if (line instanceof StreamCache cached) {
            lines.addDocument(bytes(cached));
        } else if (line != null) {
            lines.addDocument(part.getContext().getTypeConverter().convertTo(byte[].class, part, line));
        }
    }

    private static byte[] bytes(StreamCache cached) {
        try {
            cached.reset();
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            cached.writeTo(copy);
            return copy.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
