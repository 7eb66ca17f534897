package dev.modbuswatch.app;

import dev.modbuswatch.event.AnomalyEventMapper;
import dev.modbuswatch.event.EventTimeFormat;
import dev.modbuswatch.event.ModbusEventMapper;
import dev.modbuswatch.output.JsonLinesAggregation;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** The beans the routes refer to by name. */
public class ModbusWatchConfiguration implements CamelConfiguration {

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

    @BindToRegistry("jsonLines")
    public JsonLinesAggregation jsonLines() {
        return new JsonLinesAggregation();
    }
}
