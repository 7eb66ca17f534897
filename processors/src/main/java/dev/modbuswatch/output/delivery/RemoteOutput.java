package dev.modbuswatch.output.delivery;

/** An output that delivers records to a remote endpoint from its own thread; the end-of-run summary lists each. */
public interface RemoteOutput {

    String name();

    /** What became of the records it was given, for the summary; asked once the output has stopped. */
    String summary();
}
