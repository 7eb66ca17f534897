package dev.modbuswatch.output;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.io.ByteArrayOutputStream;

/**
 * Joins JSON documents into JSON lines: each document followed by a newline, so that batches appended to one file
 * stay one document per line. A part without a body (one that failed and went to the dead letters) adds no line.
 */
public final class JsonLinesAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange joined, Exchange next) {
        byte[] line = next.getMessage().getBody(byte[].class);
        if (joined == null) {
            ByteArrayOutputStream lines = new ByteArrayOutputStream(256 * 64);
            append(lines, line);
            next.getMessage().setBody(lines);
            return next;
        }
        append(joined.getMessage().getBody(ByteArrayOutputStream.class), line);
        return joined;
    }

    @Override
    public void onCompletion(Exchange joined, Exchange original) {
        if (joined != null) {
            joined.getMessage().setBody(joined.getMessage().getBody(ByteArrayOutputStream.class).toByteArray());
        }
    }

    private static void append(ByteArrayOutputStream lines, byte[] line) {
        if (line != null && line.length > 0) {
            lines.writeBytes(line);
            lines.write('\n');
        }
    }
}
