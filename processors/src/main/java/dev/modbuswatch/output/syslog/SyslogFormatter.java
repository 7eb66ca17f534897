package dev.modbuswatch.output.syslog;

import dev.modbuswatch.detect.Alert;

import java.util.Map;

/** Turns an event or alert record into the bytes of one syslog message, without transport framing. */
public interface SyslogFormatter {

    byte[] format(Map<String, String> record);

    /** An alert carries {@link Alert#ALERT_FIELD}; everything else is an event. */
    static boolean isAlert(Map<String, String> record) {
        return record.get(Alert.ALERT_FIELD) != null;
    }
}
