package dev.modbuswatch.output.delivery;

import java.io.IOException;
import java.util.List;

/** Where a {@link BatchDelivery} sends its records: how a call's body is made, its size limit, and the call. */
public interface DeliveryTarget {

    /** Names the output in logs, the summary, the spool folder and the dead-letter file. */
    String name();

    /** A call's body must have fewer bytes than this. */
    int maxBodyBytes();

    /** @param records JSON objects, one per record */
    byte[] body(List<String> records) throws IOException;

    HttpAnswer post(byte[] body);
}
