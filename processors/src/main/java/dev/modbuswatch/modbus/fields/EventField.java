package dev.modbuswatch.modbus.fields;

/**
 * The last segment of a {@code modbus.query.<function>.<field>} or {@code modbus.response.<function>.<field>} event
 * field. processors/FIELDS.md says which of them NXLog im_pcap uses and which are ours.
 */
enum EventField {
    STARTING_ADDRESS("starting_address"),
    QTY_OF_COILS("qty_of_coils"),
    QTY_OF_INPUTS("qty_of_inputs"),
    QTY_OF_REGS("qty_of_regs"),
    QTY_OF_INPUT_REGS("qty_of_input_regs"),
    QTY_OF_OUTPUTS("qty_of_outputs"),
    BYTE_COUNT("byte_count"),
    COIL_STATUS("coil_status"),
    INPUT_STATUS("input_status"),
    REGISTERS("registers"),
    INPUT_REGISTERS("input_registers"),
    OUTPUTS_VALUE("outputs_value"),
    OUTPUT_ADDRESS("output_address"),
    OUTPUT_VALUE("output_value"),
    REGISTER_ADDRESS("register_address"),
    REGISTER_VALUE("register_value"),
    OUTPUT_DATA("output_data"),
    SUB_FUNCTION("sub_function"),
    DATA("data"),
    STATUS("status"),
    EVENT_COUNT("event_count"),
    MESSAGE_COUNT("message_count"),
    EVENTS("events"),
    REQUEST_DATA_LENGTH("request_data_length"),
    RESP_DATA_LENGTH("resp_data_length"),
    FILE_RESP_LENGTH("file_resp_length"),
    REFERENCE_TYPE("reference_type"),
    FILE_NUMBER("file_number"),
    RECORD_NUMBER("record_number"),
    RECORD_LENGTH("record_length"),
    RECORD_DATA("record_data"),
    REF_ADDRESS("ref_address"),
    AND_MASK("and_mask"),
    OR_MASK("or_mask"),
    READ_STARTING_ADDRESS("read_starting_address"),
    QTY_TO_READ("qty_to_read"),
    WRITE_STARTING_ADDRESS("write_starting_address"),
    QTY_TO_WRITE("qty_to_write"),
    WRITE_BYTE_COUNT("write_byte_count"),
    WRITE_REGISTERS_VALUE("write_registers_value"),
    READ_REGISTERS_VALUE("read_registers_value"),
    FIFO_POINTER_ADDRESS("fifo_pointer_address"),
    FIFO_COUNT("fifo_count"),
    FIFO_VALUE_REGISTER("fifo_value_register"),
    MEI_TYPE("mei_type"),
    READ_DEVICE_ID_CODE("read_device_id_code"),
    OBJECT_ID("object_id"),
    CONFORMITY_LEVEL("conformity_level"),
    MORE_FOLLOWS("more_follows"),
    NEXT_OBJECT_ID("next_object_id"),
    NUMBER_OF_OBJECTS("number_of_objects"),
    EXC_CODE("exc_code"),
    FUNCTION_CLASS("function_class");

    static final EventField[] ALL = values();

    private final String suffix;

    EventField(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }
}
