package dev.modbuswatch.component.pcap.capture;

/** The unit of the time stamps a capture file writer stores. */
public enum TimestampPrecision {

    MICROSECONDS(6, 1_000),
    NANOSECONDS(9, 1);

    /** Ticks are 10^-decimalExponent seconds: pcapng's if_tsresol value. */
    final int decimalExponent;
    final int nanosPerTick;
    final long ticksPerSecond;

    TimestampPrecision(int decimalExponent, int nanosPerTick) {
        this.decimalExponent = decimalExponent;
        this.nanosPerTick = nanosPerTick;
        this.ticksPerSecond = 1_000_000_000L / nanosPerTick;
    }
}
