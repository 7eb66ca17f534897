package dev.modbuswatch.event;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.modbus.fields.ModbusEventFields;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A completed transaction as a record for transactions.jsonl: when and between whom (client to server), the MBAP
 * identifiers, the request's and the response's function, the status and the latency in milliseconds.
 */
public final class TransactionRecordMapper {

    private final EventTimeFormat timeFormat;
    private final SourceModule sourceModule;

    public TransactionRecordMapper(EventTimeFormat timeFormat, String moduleName) {
        this(timeFormat, moduleName, Clock.systemUTC());
    }

    TransactionRecordMapper(EventTimeFormat timeFormat, String moduleName, Clock clock) {
        this.timeFormat = timeFormat;
        this.sourceModule = new SourceModule(timeFormat, moduleName, clock);
    }

    public Map<String, String> toRecord(ModbusTransaction transaction) {
        ModbusMessage first = transaction.first();
        Map<String, String> record = new LinkedHashMap<>(24);
        record.put("EventTime", timeFormat.format(first.adu().epochSecond(), first.adu().nanos()));
        NetworkFields.append(first.adu().connection(), false, record);
        record.put(ModbusEventFields.TRANS_ID, Integer.toString(first.adu().transactionId()));
        record.put(ModbusEventFields.UNIT_ID, Integer.toString(first.adu().unitId()));
        record.put("transaction.status", transaction.status().name());
        if (transaction.latencyNanos() >= 0) {
            record.put("transaction.latency_ms", BigDecimal.valueOf(transaction.latencyNanos(), 6).toPlainString());
        }
        copy(transaction.request(), "request", record);
        copy(transaction.response(), "response", record);
        sourceModule.append(record);
        return record;
    }

    private static void copy(ModbusMessage message, String side, Map<String, String> record) {
        if (message != null) {
            record.put("transaction." + side + ".EventTime", message.event().get("EventTime"));
            record.put("transaction." + side + ".function_code", message.event().get(ModbusEventFields.FUNCTION_CODE));
        }
    }
}
