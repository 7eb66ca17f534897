package dev.modbuswatch.output.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDeliveryTest {

    @TempDir
    Path folder;

    /** Bodies are the records joined by commas; answers are taken from a queue, 200 when it is empty. */
    private static final class FakeTarget implements DeliveryTarget {
        final Deque<HttpAnswer> answers = new ArrayDeque<>();
        final List<String> bodies = new ArrayList<>();
        final int limit;

        FakeTarget(int limit) {
            this.limit = limit;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int maxBodyBytes() {
            return limit;
        }

        @Override
        public byte[] body(List<String> records) {
            return String.join(",", records).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized HttpAnswer post(byte[] body) {
            HttpAnswer answer = answers.isEmpty() ? new HttpAnswer(200, "", Optional.empty()) : answers.poll();
            if (answer.succeeded()) {
                bodies.add(new String(body, StandardCharsets.UTF_8));
            }
            return answer;
        }
    }

    private BatchDelivery delivery(FakeTarget target, int retries) throws Exception {
        return new BatchDelivery(target, new DiskSpool(folder.resolve("spool")),
                new DeadLetterFile(folder.resolve("dead.jsonl"), "fake"),
                new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(2)), 4, Duration.ofMillis(200),
                Duration.ofSeconds(30));
    }

    private static void offer(BatchDelivery delivery, String... records) throws Exception {
        for (String record : records) {
            delivery.offer(record);
        }
    }

    @Test
    void tooLargeBatchesAreSplitAndARecordThatCannotFitIsDeadLettered() throws Exception {
        FakeTarget target = new FakeTarget(12);
        BatchDelivery delivery = delivery(target, 0);
        delivery.start();
        offer(delivery, "{\"a\":1}", "{\"b\":2}", "{\"far-too-large\":3}", "{\"c\":4}");
        delivery.stop();

        assertThat(target.bodies).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":4}");
        assertThat(delivery.counters().sent()).isEqualTo(3);
        assertThat(delivery.counters().deadLettered()).isEqualTo(1);
        assertThat(Files.readString(folder.resolve("dead.jsonl"))).contains("far-too-large")
                .contains("does not fit in one call");
    }

    @Test
    void aRefusedBatchIsDeadLetteredWithTheAnswer() throws Exception {
        FakeTarget target = new FakeTarget(1000);
        target.answers.add(new HttpAnswer(400, "{\"error\":\"InvalidLogType\"}", Optional.empty()));
        BatchDelivery delivery = delivery(target, 3);
        delivery.start();
        offer(delivery, "{\"a\":1}");
        delivery.stop();

        assertThat(delivery.counters().deadLettered()).isEqualTo(1);
        assertThat(delivery.counters().retried()).isZero();
        assertThat(Files.readString(folder.resolve("dead.jsonl"))).contains("\"response.status\":400")
                .contains("InvalidLogType").contains("\"record\":{\"a\":1}");
    }

    @Test
    void whenRetriesRunOutRecordsAreSpooledAndTheNextStartSendsThemFirst() throws Exception {
        FakeTarget down = new FakeTarget(1000);
        for (int i = 0; i < 10; i++) {
            down.answers.add(HttpAnswer.unreachable("refused"));
        }
        BatchDelivery first = delivery(down, 1);
        first.start();
        offer(first, "{\"n\":1}", "{\"n\":2}");
        first.stop();
        assertThat(first.counters().spooled()).isEqualTo(2);
        assertThat(first.counters().retried()).isPositive();
        assertThat(first.spool().records()).isEqualTo(2);

        FakeTarget up = new FakeTarget(1000);
        BatchDelivery second = delivery(up, 1);
        second.start();
        offer(second, "{\"n\":3}");
        second.stop();
        assertThat(up.bodies).containsExactly("{\"n\":1},{\"n\":2}", "{\"n\":3}");
        assertThat(second.counters().replayed()).isEqualTo(2);
        assertThat(second.spool().isEmpty()).isTrue();
    }

    @Test
    void aRecordOfferedAfterTheStopIsSpooledNotLost() throws Exception {
        FakeTarget target = new FakeTarget(1000);
        BatchDelivery delivery = delivery(target, 0);
        delivery.start();
        delivery.stop();
        offer(delivery, "{\"late\":1}");

        assertThat(target.bodies).isEmpty();
        assertThat(delivery.spool().oldest().orElseThrow().records()).containsExactly("{\"late\":1}");
        assertThat(delivery.counters().spooled()).isEqualTo(1);
    }
}
