package dev.modbuswatch.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlantedAlertsTest {

    @Test
    void namesWhatIsMissingExtraOrTwice() {
        List<String> planted = List.of("a", "b", "c");
        List<String> found = List.of("a", "a", "c", "Login brute force: d");

        assertThat(PlantedAlerts.differences(planted, found)).containsExactly("alerted twice: a",
                "planted, not alerted: b", "alerted, not planted: Login brute force: d");
        assertThat(PlantedAlerts.differences(planted, List.of("c", "b", "a"))).isEmpty();
    }
}
