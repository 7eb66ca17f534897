package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.HoldingRegisterWrite;

import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.TransactionStatus;

/**
 * {@code Unauthorized write}: a write to a protected register answered by an exception, or accepted on a connection
 * that had no successful login (a passphrase write answered normally) within the login window before it.
 */
public final class UnauthorizedWriteDetector {

    public static final String NAME = "Unauthorized write";

    private final DeviceRules devices;
    private final RecentByKey<TcpConnection> logins;

    public UnauthorizedWriteDetector(DeviceRules devices, long loginWindowMillis) {
        this.devices = devices;
        this.logins = new RecentByKey<>(loginWindowMillis * 1_000_000L);
    }

    /** The last successful login per connection, within the login window. */
    public RecentByKey<TcpConnection> recentLogins() {
        return logins;
    }

    public Alert detect(ModbusTransaction transaction) {
        TransactionStatus status = transaction.status();
        if (status != TransactionStatus.ok && status != TransactionStatus.exception) {
            return null;
        }
        ModbusMessage request = transaction.request();
        HoldingRegisterWrite write = HoldingRegisterWrite.of(request.pdu());
        if (write == null) {
            return null;
        }
        TcpConnection connection = request.adu().connection();
        long now = request.captureNanos();
        if (status == TransactionStatus.ok && devices.coversPassphrase(request.adu(), write)) {
            logins.mark(connection, now);
            return null;
        }
        if (!devices.coversProtected(request.adu(), write.start(), write.quantity())) {
            return null;
        }
        String why;
        if (status == TransactionStatus.exception) {
            why = "; refused by the device";
        } else if (!logins.seenWithinWindow(connection, now)) {
            why = "; accepted without a login on this connection";
        } else {
            return null;
        }
        return Alert.onEvent(NAME, transaction.response().event(),
                RequestDescription.of(request, write).append(" to a protected register").append(why).toString(),
                transaction);
    }
}
