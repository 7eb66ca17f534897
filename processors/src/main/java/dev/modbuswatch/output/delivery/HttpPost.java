package dev.modbuswatch.output.delivery;

import java.util.Map;

/** One HTTP POST with exactly these request headers. */
@FunctionalInterface
public interface HttpPost {

    HttpAnswer post(String url, Map<String, String> headers, byte[] body);
}
