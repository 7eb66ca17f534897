package dev.modbuswatch.state;

import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.Messages;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.detect.Alert;
import dev.modbuswatch.detect.LoginBurst;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.modbuswatch.correlate.Messages.CONNECTION;
import static dev.modbuswatch.correlate.Messages.START;
import static dev.modbuswatch.correlate.Messages.login;
import static dev.modbuswatch.correlate.Messages.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state file's document: what is written is read back the same; anything else is refused, saying why. */
class StateJsonTest {

    private static final TcpConnection IPV6 = Messages.connection("2001:db8::5", 50123, "2001:db8::50", 502);

    @Test
    void roundTripKeepsMessagesAsCaptured() throws Exception {
        ModbusMessage malformed = Messages.message(IPV6, false, 3, 0, "10 001f");
        ModbusTransaction orphanUnobserved = ModbusTransaction.of(refusal(CONNECTION, 4, 0)).asUnobserved();
        ModbusTransaction answered = new ModbusTransaction(login(CONNECTION, 5, 0), refusal(CONNECTION, 5, 10));
        SavedState state = new SavedState(
                Map.of("a", ModbusTransaction.of(malformed), "b", orphanUnobserved),
                Map.of("burst", new LoginBurst(List.of(new Alert("Bad login", answered.response().event(), answered)),
                        true)),
                Map.of("10.20.0.5>10.20.0.50/1", START), Map.of(IPV6, START + 1), Map.of(CONNECTION, START + 2));

        SavedState read = StateJson.read(StateJson.write(state));

        assertThat(read.transactions().get("a").request().pdu()).as("malformed stays undecoded").isNull();
        assertThat(read.transactions().get("a").request().adu()).usingRecursiveComparison().isEqualTo(malformed.adu());
        assertThat(read.transactions().get("a").request().event()).containsExactlyEntriesOf(malformed.event());
        assertThat(read.transactions().get("b").status()).isEqualTo(orphanUnobserved.status());
        LoginBurst burst = read.loginBursts().get("burst");
        assertThat(burst.continuesAlertedBurst()).isTrue();
        assertThat(burst.badLogins().get(0).transaction().latencyNanos()).isEqualTo(answered.latencyNanos());
        assertThat(burst.badLogins().get(0).transaction().request().pdu()).isEqualTo(answered.request().pdu());
        assertThat(read.recentBadLogins()).isEqualTo(state.recentBadLogins());
        assertThat(read.recentLogins()).isEqualTo(state.recentLogins());
        assertThat(read.recentAnomalyAlerts()).isEqualTo(state.recentAnomalyAlerts());
    }

    @Test
    void refusesWhatItCannotUseSayingWhy() {
        assertThatThrownBy(() -> read("\u0000garbage")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> read("[]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("{\"format\":\"modbus-watch-state/0\"}"))
                .hasMessage("format 'modbus-watch-state/0', this version reads 'modbus-watch-state/1'");
        assertThatThrownBy(() -> read("{\"format\":\"modbus-watch-state/1\"}")).hasMessage("'transactions' missing");
        assertThatThrownBy(() -> read("{\"format\":\"modbus-watch-state/1\",\"transactions\":[{\"key\":\"k\","
                + "\"transaction\":{\"request\":{\"client\":\"10.0.0.1\"}}}]}")).hasMessage("'fromServer' missing");
    }

    private static SavedState read(String text) throws Exception {
        return StateJson.read(text.getBytes(StandardCharsets.UTF_8));
    }
}
