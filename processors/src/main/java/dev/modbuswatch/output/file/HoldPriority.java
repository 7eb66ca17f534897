package dev.modbuswatch.output.file;

/** Which records a full hold buffer drops first: low (events, transactions) before normal before high (alerts). */
public enum HoldPriority {
    LOW, NORMAL, HIGH
}
