package dev.modbuswatch.app;

import dev.modbuswatch.correlate.TransactionAggregation;
import dev.modbuswatch.correlate.TransactionKey;
import dev.modbuswatch.correlate.TransactionTimeouts;
import dev.modbuswatch.detect.BadLoginDetector;
import dev.modbuswatch.detect.PassphraseMask;
import dev.modbuswatch.detect.PassphraseRegister;
import dev.modbuswatch.event.AnomalyEventMapper;
import dev.modbuswatch.event.EventTimeFormat;
import dev.modbuswatch.event.ModbusEventMapper;
import dev.modbuswatch.event.TransactionRecordMapper;
import dev.modbuswatch.output.JsonLinesAggregation;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.processor.aggregate.DefaultAggregateController;
import org.apache.camel.processor.aggregate.MemoryAggregationRepository;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import java.util.concurrent.ExecutorService;

/** The beans the routes refer to by name. */
public class ModbusWatchConfiguration implements CamelConfiguration {

    private final MemoryAggregationRepository transactionRepository = new MemoryAggregationRepository();
    private final AggregateController transactionController = new DefaultAggregateController();

    @BindToRegistry("modbusEvent")
    public ModbusEventMapper modbusEvent(@PropertyInject("modbus.event.time-zone") String zone,
                                         @PropertyInject("modbus.event.source-module-name") String moduleName) {
        return new ModbusEventMapper(EventTimeFormat.of(zone), moduleName);
    }

    @BindToRegistry("anomalyEvent")
    public AnomalyEventMapper anomalyEvent(@PropertyInject("modbus.event.time-zone") String zone,
                                           @PropertyInject("modbus.event.source-module-name") String moduleName) {
        return new AnomalyEventMapper(EventTimeFormat.of(zone), moduleName);
    }

    @BindToRegistry("transactionRecord")
    public TransactionRecordMapper transactionRecord(@PropertyInject("modbus.event.time-zone") String zone,
                                                     @PropertyInject("modbus.event.source-module-name") String name) {
        return new TransactionRecordMapper(EventTimeFormat.of(zone), name);
    }

    @BindToRegistry("transactionKey")
    public TransactionKey transactionKey() {
        return new TransactionKey();
    }

    @BindToRegistry("transactionAggregation")
    public TransactionAggregation transactionAggregation() {
        return new TransactionAggregation();
    }

    @BindToRegistry("transactionRepository")
    public MemoryAggregationRepository transactionRepository() {
        return transactionRepository;
    }

    @BindToRegistry("transactionController")
    public AggregateController transactionController() {
        return transactionController;
    }

    /**
     * Runs the aggregator's completions in the thread that completed the group, so a transaction's detection tags the
     * response event before the event is written, and completions keep capture order.
     */
    @BindToRegistry("inCallingThread")
    public ExecutorService inCallingThread() {
        return new SynchronousExecutorService();
    }

    @BindToRegistry("transactionTimeouts")
    public TransactionTimeouts transactionTimeouts(@PropertyInject("modbus.correlation.timeout") long timeoutMillis) {
        return new TransactionTimeouts(transactionRepository, transactionController, timeoutMillis);
    }

    @BindToRegistry("badLogin")
    public BadLoginDetector badLogin(@PropertyInject("modbus.detect.bad-login.passphrase-register") int register,
                                     @PropertyInject("modbus.detect.bad-login.mask-key") String maskKey,
                                     @PropertyInject("modbus.detect.bad-login.show-passphrase") boolean show) {
        return new BadLoginDetector(PassphraseRegister.always(register), new PassphraseMask(maskKey, show));
    }

    @BindToRegistry("jsonLines")
    public JsonLinesAggregation jsonLines() {
        return new JsonLinesAggregation();
    }
}
