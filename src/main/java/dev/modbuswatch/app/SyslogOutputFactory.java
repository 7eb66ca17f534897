package dev.modbuswatch.app;

import dev.modbuswatch.output.delivery.DeliveryCounters;
import dev.modbuswatch.output.delivery.DeadLetterFile;
import dev.modbuswatch.output.delivery.DiskSpool;
import dev.modbuswatch.output.syslog.OctetCountingTransport;
import dev.modbuswatch.output.syslog.Rfc3164Formatter;
import dev.modbuswatch.output.syslog.Rfc5424Formatter;
import dev.modbuswatch.output.syslog.SyslogFormatter;
import dev.modbuswatch.output.syslog.SyslogHeader;
import dev.modbuswatch.output.syslog.SyslogOutput;
import dev.modbuswatch.output.syslog.SyslogPriority;
import dev.modbuswatch.output.syslog.SyslogSpool;
import dev.modbuswatch.output.syslog.SyslogTransport;
import dev.modbuswatch.output.syslog.TlsSocketFactory;
import dev.modbuswatch.output.syslog.UdpTransport;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** Builds the syslog output from the modbus.output.syslog.* settings, failing with the key of a bad value. */
final class SyslogOutputFactory {

    static final String PREFIX = "modbus.output.syslog.";
    static final String UNDELIVERED_FILE = "syslog-undelivered.jsonl";

    private final PropertiesComponent properties;

    SyslogOutputFactory(PropertiesComponent properties) {
        this.properties = properties;
    }

    static boolean enabled(PropertiesComponent properties) {
        return Settings.flag(PREFIX + "enabled", properties.resolveProperty(PREFIX + "enabled").orElse("false"));
    }

    SyslogOutput create() {
        String recordsKey = PREFIX + "records";
        String records = value("records", "alerts");
        if (!records.equals("alerts") && !records.equals("all")) {
            throw new SettingException(recordsKey, records, "must be alerts or all");
        }
        String host = value("host", "localhost");
        if (host.isEmpty()) {
            throw new SettingException(PREFIX + "host", host, "must name the syslog server");
        }
        int port = Settings.positiveCount(PREFIX + "port", value("port", "514"));
        if (port > 65535) {
            throw new SettingException(PREFIX + "port", Integer.toString(port), "must be a port number up to 65535");
        }
        String server = value("protocol", "udp") + "://" + host + ":" + port;
        Path output = Path.of(properties.resolveProperty("modbus.output.dir").orElse("data"));
        return new SyslogOutput(formatter(), connector(host, port), server,
                Settings.positiveCount(PREFIX + "buffer-size", value("buffer-size", "10000")),
                Duration.ofMillis(Settings.positiveMillis(PREFIX + "drain-timeout", value("drain-timeout", "30000"))),
                spool(output), new DeadLetterFile(output.resolve(UNDELIVERED_FILE), "syslog",
                        OutputFiles.policy(properties)), new DeliveryCounters());
    }

    /** Records that wait for the server, on disk in {@code <modbus.output.dir>/spool/syslog/}. */
    private SyslogSpool spool(Path output) {
        long megabytes = Settings.positiveCount(PREFIX + "spool-size", value("spool-size", "512"));
        Path folder = output.resolve("spool").resolve("syslog");
        try {
            return new SyslogSpool(new DiskSpool(folder), megabytes << 20);
        } catch (IOException e) {
            throw new SettingException("modbus.output.dir", output.toString(), "cannot use the spool folder "
                    + folder + ": " + e);
        }
    }

    private SyslogFormatter formatter() {
        int facility = decoded("facility", "user", true);
        SyslogHeader header = new SyslogHeader(
                new SyslogPriority(facility, decoded("alert-severity", "warning", false)),
                new SyslogPriority(facility, decoded("event-severity", "notice", false)),
                value("hostname", "").isEmpty() ? localHostName() : value("hostname", ""),
                value("app-name", "modbus-watch"), Long.toString(ProcessHandle.current().pid()));
        String format = value("format", "rfc5424");
        return switch (format) {
            case "rfc5424" -> new Rfc5424Formatter(header,
                    Settings.positiveCount(PREFIX + "enterprise-number", value("enterprise-number", "32473")));
            case "rfc3164" -> new Rfc3164Formatter(header, ZoneId.systemDefault());
            default -> throw new SettingException(PREFIX + "format", format, "must be rfc5424 or rfc3164");
        };
    }

    private SyslogTransport.Connector connector(String host, int port) {
        String protocol = value("protocol", "udp");
        return switch (protocol) {
            case "udp" -> UdpTransport.connector(host, port);
            case "tcp" -> OctetCountingTransport.connector(Socket::new, host, port);
            case "tls" -> OctetCountingTransport.connector(tlsSockets(), host, port);
            default -> throw new SettingException(PREFIX + "protocol", protocol, "must be udp, tcp or tls");
        };
    }

    private OctetCountingTransport.UnconnectedSockets tlsSockets() {
        Path ca = file("tls.ca-file");
        Path certificate = file("tls.certificate-file");
        Path key = file("tls.key-file");
        if ((certificate == null) != (key == null)) {
            throw new SettingException(PREFIX + (key == null ? "tls.key-file" : "tls.certificate-file"), "",
                    "a client certificate needs both tls.certificate-file and tls.key-file");
        }
        boolean verify = Settings.flag(PREFIX + "tls.verify", value("tls.verify", "true"));
        try {
            return TlsSocketFactory.create(ca, certificate, key, verify);
        } catch (IOException e) {
            throw new SettingException(PREFIX + "tls.*", String.valueOf(ca), e.getMessage());
        }
    }

    private Path file(String name) {
        String value = value(name, "");
        if (value.isEmpty()) {
            return null;
        }
        Path file = Path.of(value);
        if (!Files.isReadable(file)) {
            throw new SettingException(PREFIX + name, value, "no readable file " + file.toAbsolutePath());
        }
        return file;
    }

    private int decoded(String name, String fallback, boolean facility) {
        String value = value(name, fallback);
        try {
            return facility ? SyslogPriority.facility(value) : SyslogPriority.severity(value);
        } catch (IllegalArgumentException e) {
            throw new SettingException(PREFIX + name, value, e.getMessage());
        }
    }

    private String value(String name, String fallback) {
        return properties.resolveProperty(PREFIX + name).orElse(fallback).trim();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
