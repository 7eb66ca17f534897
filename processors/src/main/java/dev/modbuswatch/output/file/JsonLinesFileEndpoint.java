package dev.modbuswatch.output.file;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.nio.file.Path;

/** Appends the message body (complete JSON lines) to one file of a directory. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jsonl", title = "JSON lines file", syntax = "jsonl:directory",
             producerOnly = true, category = {Category.FILE})
public class JsonLinesFileEndpoint extends DefaultEndpoint {

    @UriPath(description = "The directory of the file")
    @Metadata(required = true)
    private final String directory;
    @UriParam(description = "The file's name, e.g. events.jsonl")
    @Metadata(required = true)
    private String fileName;
    @UriParam(defaultValue = "normal", enums = "low,normal,high", description = "While the file cannot be written its"
            + " records are held in memory; when too much is held, records of low priority are dropped first, high"
            + " last")
    private HoldPriority priority = HoldPriority.NORMAL;

    JsonLinesFileEndpoint(String uri, JsonLinesFileComponent component, String directory) {
        super(uri, component);
        this.directory = directory;
    }

    @Override
    public Producer createProducer() {
        return new JsonLinesFileProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("jsonl: only writes files");
    }

    JsonLinesFile file() {
        return ((JsonLinesFileComponent) getComponent()).file(Path.of(directory, fileName), priority);
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public HoldPriority getPriority() {
        return priority;
    }

    public void setPriority(HoldPriority priority) {
        this.priority = priority;
    }
}
