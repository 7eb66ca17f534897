package dev.modbuswatch.component.pcap.capture;

import java.util.Optional;

/**
 * How a pcapng interface counts time, from its if_tsresol option: an unsigned 64-bit number of ticks since the epoch,
 * a tick being 10^-n seconds, or 2^-n seconds when the option's top bit is set.
 */
final class TimestampResolution {

    /** The pcapng default when an interface has no if_tsresol option. */
    static final TimestampResolution MICROSECONDS = decimal(6);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int BINARY = 0x80;

    /** 0 for decimal ticks. */
    private final int binaryExponent;
    /** Unsigned: 10^19 does not fit a signed long. */
    private final long ticksPerSecond;
    /** Decimal ticks of a nanosecond or longer; 0 otherwise. */
    private final long nanosPerTick;
    /** Decimal ticks shorter than a nanosecond; 0 otherwise. */
    private final long ticksPerNano;

    private TimestampResolution(int binaryExponent, long ticksPerSecond, long nanosPerTick, long ticksPerNano) {
        this.binaryExponent = binaryExponent;
        this.ticksPerSecond = ticksPerSecond;
        this.nanosPerTick = nanosPerTick;
        this.ticksPerNano = ticksPerNano;
    }

    /** @return empty when a tick count of that resolution would not fit 64 bits */
    static Optional<TimestampResolution> ofOption(int option) {
        int exponent = option & ~BINARY;
        if ((option & BINARY) != 0 && exponent > 0) {
            return exponent > 63 ? Optional.empty() : Optional.of(new TimestampResolution(exponent, 0, 0, 0));
        }
        return exponent > 19 ? Optional.empty() : Optional.of(decimal(exponent));
    }

    private static TimestampResolution decimal(int exponent) {
        long ticksPerSecond = powerOfTen(exponent);
        return exponent <= 9
                ? new TimestampResolution(0, ticksPerSecond, powerOfTen(9 - exponent), 0)
                : new TimestampResolution(0, ticksPerSecond, 0, powerOfTen(exponent - 9));
    }

    private static long powerOfTen(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }

    long seconds(long ticks) {
        return binaryExponent > 0 ? ticks >>> binaryExponent : Long.divideUnsigned(ticks, ticksPerSecond);
    }

    int nanos(long ticks) {
        if (binaryExponent > 0) {
            long fraction = ticks & ((1L << binaryExponent) - 1);
            long high = Math.multiplyHigh(fraction, NANOS_PER_SECOND);
            long low = fraction * NANOS_PER_SECOND;
            return (int) ((high << (64 - binaryExponent)) | (low >>> binaryExponent));
        }
        long fraction = Long.remainderUnsigned(ticks, ticksPerSecond);
        return (int) (nanosPerTick > 0 ? fraction * nanosPerTick : Long.divideUnsigned(fraction, ticksPerNano));
    }
}
