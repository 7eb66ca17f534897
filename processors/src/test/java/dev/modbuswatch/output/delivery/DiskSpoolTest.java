package dev.modbuswatch.output.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiskSpoolTest {

    @TempDir
    Path folder;

    @Test
    void segmentsComeBackInOrderAlsoAfterReopening() throws Exception {
        DiskSpool spool = new DiskSpool(folder);
        spool.append(List.of("{\"n\":1}", "{\"n\":2}"));
        spool.append(List.of("{\"n\":3}"));
        Files.writeString(folder.resolve("00000000000000000009.jsonl.tmp"), "half written");

        DiskSpool reopened = new DiskSpool(folder);
        assertThat(reopened.records()).isEqualTo(3);
        DiskSpool.Segment first = reopened.oldest().orElseThrow();
        assertThat(first.records()).containsExactly("{\"n\":1}", "{\"n\":2}");
        reopened.replace(first, List.of("{\"n\":2}"));
        assertThat(reopened.oldest().orElseThrow().records()).containsExactly("{\"n\":2}");
        reopened.replace(reopened.oldest().orElseThrow(), List.of());
        reopened.append(List.of("{\"n\":4}"));
        assertThat(reopened.oldest().orElseThrow().records()).containsExactly("{\"n\":3}");
        assertThat(reopened.records()).isEqualTo(2);
        assertThat(folder.resolve("00000000000000000009.jsonl.tmp")).doesNotExist();
    }

    @Test
    void countsItsBytesAndReplacesASegmentByOtherRecordsOfTheSameNumber() throws Exception {
        DiskSpool spool = new DiskSpool(folder);
        spool.append(List.of("{\"n\":1}", "{\"n\":2}"));
        spool.append(List.of("{\"n\":3}"));
        assertThat(spool.bytes()).isEqualTo(3 * 8);
        DiskSpool.Segment first = spool.oldest().orElseThrow();
        spool.replace(first, List.of("{\"n\":0}", "{\"n\":2}")); // one to send again, and the one still to send
        DiskSpool reopened = new DiskSpool(folder);
        assertThat(reopened.oldest().orElseThrow().records()).containsExactly("{\"n\":0}", "{\"n\":2}");
        assertThat(reopened.bytes()).isEqualTo(3 * 8);
        reopened.replace(reopened.oldest().orElseThrow(), List.of());
        assertThat(reopened.bytes()).isEqualTo(8);
    }

    @Test
    void aDeliveredSegmentThatCannotBeRemovedIsNotHandedOutAgainAndIsRemovedOnceItCan() throws Exception {
        DiskSpool spool = new DiskSpool(folder);
        spool.append(List.of("{\"n\":1}"));
        spool.append(List.of("{\"n\":2}"));
        DiskSpool.Segment first = spool.oldest().orElseThrow();
        // As root no permission stops a delete: a non-empty directory in the segment's place does.
        Files.delete(first.file());
        Path blocker = Files.createDirectories(first.file()).resolve("blocker");
        Files.writeString(blocker, "x");

        spool.replace(first, List.of());
        assertThat(spool.oldest().orElseThrow().records()).as("the delivered segment is not sent again")
                .containsExactly("{\"n\":2}");
        assertThat(spool.records()).isEqualTo(1);
        spool.append(List.of("{\"n\":3}"));
        assertThat(folder.resolve("00000000000000000003.jsonl")).as("a new segment does not take its number").exists();
        assertThat(first.file()).exists();

        Files.delete(blocker);
        spool.oldest();
        assertThat(first.file()).as("removed once it can be").doesNotExist();
        assertThat(spool.records()).isEqualTo(2);
    }

    @Test
    void aSegmentOrTheFolderRemovedFromOutsideIsDroppedAndTheSpoolGoesOn() throws Exception {
        DiskSpool spool = new DiskSpool(folder);
        spool.append(List.of("{\"n\":1}"));
        spool.append(List.of("{\"n\":2}"));
        Files.delete(folder.resolve("00000000000000000001.jsonl"));
        assertThat(spool.oldest().orElseThrow().records()).containsExactly("{\"n\":2}");
        assertThat(spool.records()).isEqualTo(1);

        Files.delete(folder.resolve("00000000000000000002.jsonl"));
        Files.delete(folder);
        assertThat(spool.oldest()).isEmpty();
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.bytes()).isZero();
        spool.append(List.of("{\"n\":3}"));
        assertThat(spool.oldest().orElseThrow().records()).containsExactly("{\"n\":3}");
        DiskSpool.Segment third = spool.oldest().orElseThrow();
        Files.delete(third.file());
        Files.delete(folder);
        spool.replace(third, List.of("{\"n\":4}"));
        assertThat(new DiskSpool(folder).oldest().orElseThrow().records()).containsExactly("{\"n\":4}");
    }
}
