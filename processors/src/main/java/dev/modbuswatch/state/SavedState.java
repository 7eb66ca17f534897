package dev.modbuswatch.state;

import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.detect.LoginBurst;

import java.util.Map;

/**
 * What the pipeline holds between PDUs and must not forget across a restart: the requests waiting for an answer and the
 * bursts of bad logins (by aggregator key), and the detectors' recent times (capture time, ns since the epoch).
 *
 * @param recentBadLogins      last bad login per client and device (whether a new burst continues an alerted one)
 * @param recentLogins         last successful login per connection (Unauthorized write)
 * @param recentAnomalyAlerts  last Protocol anomaly alert per connection (its rate limit)
 */
public record SavedState(Map<String, ModbusTransaction> transactions, Map<String, LoginBurst> loginBursts,
                         Map<String, Long> recentBadLogins, Map<TcpConnection, Long> recentLogins,
                         Map<TcpConnection, Long> recentAnomalyAlerts) {
}
