package dev.modbuswatch.output.file;

import java.time.Duration;

/**
 * How the JSON-lines output files are written: whether they rotate (the continuous run) and when, how rotated files are
 * kept, and how many bytes of records are held in memory while a file cannot be written.
 *
 * @param rotate        false for the one-shot run: no rotation, no check for files renamed by another program
 * @param rotateBytes   rotate before a write would make the file larger than this; 0: no rotation by size
 * @param retainAge     rotated files that ended longer ago are deleted; zero: kept whatever their age
 * @param retainBytes   the oldest rotated files of an output are deleted while they take more; 0: no limit
 * @param holdBytes     records held for all files while writing fails; beyond it the least important are dropped
 * @param retryEvery    how often held records are written again (and rotation by time checked)
 */
public record OutputFilePolicy(boolean rotate, long rotateBytes, RotationInterval interval, boolean compress,
                               Duration retainAge, long retainBytes, long holdBytes, Duration retryEvery) {

    /** The one-shot run's: never rotates, keeps every file. */
    public static OutputFilePolicy withoutRotation(long holdBytes) {
        return new OutputFilePolicy(false, 0, RotationInterval.NONE, false, Duration.ZERO, 0, holdBytes,
                Duration.ofSeconds(1));
    }

    public boolean rotatesBySize() {
        return rotate && rotateBytes > 0;
    }

    public boolean rotatesByTime() {
        return rotate && interval.rotates();
    }
}
