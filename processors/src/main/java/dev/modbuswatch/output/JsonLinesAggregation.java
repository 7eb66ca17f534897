package dev.modbuswatch.output;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Joins JSON documents into JSON lines: each document followed by a newline, so that batches appended to one file
 * stay one document per line. A part without a body (one that failed and went to the dead letters) adds no line.
 */
public final class JsonLinesAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange joined, Exchange next) {
        Object line = next.getMessage().getBody();
        if (joined == null) {
            ByteArrayOutputStream lines = new ByteArrayOutputStream(256 * 64);
            append(lines, line, next);
            next.getMessage().setBody(lines);
            return next;
        }
        append(joined.getMessage().getBody(ByteArrayOutputStream.class), line, next);
        return joined;
    }

    @Override
    public void onCompletion(Exchange joined, Exchange original) {
        if (joined != null) {
            joined.getMessage().setBody(joined.getMessage().getBody(ByteArrayOutputStream.class).toByteArray());
        }
    }

    /** Marshalled documents come as stream caches (Camel's default): copied straight, without a type conversion. */
    private static void append(ByteArrayOutputStream lines, Object line, Exchange part) {
        int before = lines.size();
        if (line instanceof StreamCache cached) {
            try {
                cached.reset();
                cached.writeTo(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (line != null) {
            lines.writeBytes(part.getContext().getTypeConverter().convertTo(byte[].class, part, line));
        }
        if (lines.size() > before) {
            lines.write('\n');
        }
    }
}
