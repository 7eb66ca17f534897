package dev.modbuswatch.app;

// Keep in step with routes/modbus-events.yaml: this class is that file, step by step, in the Java DSL (used with
// modbus.routes.dsl=java). When the YAML changes, change this class the same way; DslEquivalenceIT compares the two.

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.language.RefExpression;

/**
 * The Modbus pipeline of routes/modbus-events.yaml in the Java DSL: the same route ids, steps, bean names, property
 * placeholders and endpoints, one method per route (and one for the route configuration), in the file's order.
 */
public class ModbusPipelineRoutes extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        modbusErrors();
        azureHttpErrors();
    }

    @Override
    public void configure() {
        azureDataCollectorPost();
        azureIngestionPost();
        azureTokenPost();
        deadLetter();
        modbusTransactions();
        transactionLines();
        flushTransactionLines();
        detectBadLogin();
        detectBruteForce();
        detectUnauthorizedWrite();
        detectUnansweredWrite();
        detectMalformedPdu();
        detectStreamAnomaly();
        alerts();
        azureDataCollector();
        azureIngestion();
        syslogEvent();
        syslogOutput();
        jsonLine();
        modbusCapture();
    }

    /** A message that fails anywhere is logged and kept, as it came from the capture, in dead-letter.jsonl. */
    private void modbusErrors() {
        routeConfiguration("modbus-errors")
                .onException(Exception.class)
                    .handled(true)
                    .useOriginalMessage()
                    .log(LoggingLevel.ERROR, "Route ${routeId} failed, message kept in dead-letter.jsonl: ${exception}")
                    .to("direct:dead-letter")
                    .setBody(constant(null))
                .end();
    }

    /**
     * The HTTP calls of the Azure outputs, first so that they stop last: the outputs deliver what they hold when the
     * routes feeding them stop. Only the API's own headers (and CamelHttpUri, the URL) reach camel-http, which would send any
     * other header too. A call that fails to connect or times out is handled here and comes back to the batcher,
     * which retries or spools it; an HTTP error status comes back as the answer (throwExceptionOnFailure=false).
     */
    private void azureHttpErrors() {
        routeConfiguration("azure-http-errors")
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.DEBUG, "HTTP call of route ${routeId} failed: ${exception.message}")
                .end();
    }

    private void azureDataCollectorPost() {
        from("direct:azure-data-collector-post")
                .routeId("azure-data-collector-post")
                .routeConfigurationId("azure-http-errors")
                .removeHeaders("*", "CamelHttpUri|Authorization|Log-Type|x-ms-date|time-generated-field"
                        + "|x-ms-AzureResourceId|Content-Type")
                .to("https://azure-data-collector?httpMethod=POST&throwExceptionOnFailure=false"
                        + "&sslContextParameters=#azureDataCollectorTls");
    }

    private void azureIngestionPost() {
        from("direct:azure-ingestion-post")
                .routeId("azure-ingestion-post")
                .routeConfigurationId("azure-http-errors")
                .removeHeaders("*", "CamelHttpUri|Authorization|Content-Type|Content-Encoding")
                .to("https://azure-ingestion?httpMethod=POST&throwExceptionOnFailure=false"
                        + "&sslContextParameters=#azureIngestionTls");
    }

    private void azureTokenPost() {
        from("direct:azure-token-post")
                .routeId("azure-token-post")
                .routeConfigurationId("azure-http-errors")
                .removeHeaders("*", "CamelHttpUri|Content-Type")
                .to("https://azure-token?httpMethod=POST&throwExceptionOnFailure=false"
                        + "&sslContextParameters=#azureIngestionTls");
    }

    private void deadLetter() {
        from("direct:dead-letter")
                .routeId("dead-letter")
                .setBody(method("deadLetterRecords",
                        "of(${body}, ${exception}, ${exchangeProperty.CamelFailureRouteId})"))
                .bean("runSummary", "deadLetters")
                .split(simple("${body}")).aggregationStrategy("#jsonLines")
                    .marshal().json()
                .end()
                .to("jsonl:{{modbus.output.dir}}?fileName=dead-letter.jsonl");
    }

    /**
     * Request and response meet in the aggregator, keyed by TCP connection + transaction and unit ID. A response
     * completes its transaction at once; a request never answered is completed by the capture-time timeout
     * (captureClock); a response with nothing pending completes as an orphan.
     */
    private void modbusTransactions() {
        from("direct:correlate")
                .routeId("modbus-transactions")
                .streamCache("false")
                .routeConfigurationId("modbus-errors")
                // TransactionAggregation is also the completion predicate: a group completes when its transaction has
                // a response (Camel uses a strategy that is a Predicate when no completionPredicate is set).
                .aggregate(new RefExpression("transactionKey"))
                        .aggregationStrategy("#transactionAggregation")
                        .aggregationRepository("#transactionRepository")
                        .aggregateController("#transactionController")
                        .executorService("#inCallingThread")
                    .bean("registerEnrichment", "response")
                    // Every detection looks at writes of holding registers; other transactions skip them.
                    .filter(new RefExpression("holdingRegisterWrites"))
                        .multicast().aggregationStrategy("#keepOriginal")
                            .to("direct:detect-bad-login")
                            .to("direct:detect-unauthorized-write")
                            .to("direct:detect-unanswered-write")
                        .end()
                    .end()
                    .bean("runSummary", "transaction")
                    .filter(simple("{{modbus.output.transactions.enabled}}"))
                        .bean("transactionRecord", "toRecord")
                        .to("direct:transaction-lines")
                    .end()
                .end();
    }

    /**
     * Transaction records are gathered here and appended to transactions.jsonl once per capture batch (one file
     * append per transaction would cost more than the rest of the pipeline): the capture route flushes them after
     * each batch, each tick and at the end of the capture.
     */
    private void transactionLines() {
        from("direct:transaction-lines")
                .routeId("transaction-lines")
                .streamCache("false")
                .routeConfigurationId("modbus-errors")
                .aggregate(constant("transactions"))
                        .aggregationStrategy("#jsonLines")
                        .aggregateController("#transactionLinesController")
                        .executorService("#inCallingThread")
                        .completionSize(10000)
                        .forceCompletionOnStop()
                    .to("jsonl:{{modbus.output.dir}}?fileName=transactions.jsonl&priority=low")
                .end();
    }

    private void flushTransactionLines() {
        from("direct:flush-transaction-lines")
                .routeId("flush-transaction-lines")
                .streamCache("false")
                .bean("transactionLinesController", "forceCompletionOfAllGroups");
    }

    // Detections: each takes a completed transaction (or a malformed PDU, or a stream anomaly) and
    // sends its alert, if any, to direct:alert.

    private void detectBadLogin() {
        from("direct:detect-bad-login")
                .routeId("detect-bad-login")
                .routeConfigurationId("modbus-errors")
                .filter(simple("{{modbus.detect.bad-login.enabled}}"))
                    .bean("badLogin", "detect")
                    .filter(simple("${body} != null"))
                        .multicast().aggregationStrategy("#keepOriginal")
                            .to("direct:alert")
                        .end()
                        .filter(simple("{{modbus.detect.brute-force.enabled}}"))
                            .to("direct:login-bursts")
                        .end()
                    .end()
                .end();
    }

    /**
     * Login brute force: a second aggregator, keyed by client and device, gathers bad logins. A burst completes when
     * it reaches the threshold (and is alerted on) or after a window without bad logins; bad logins that go on after
     * the alert continue the same burst and raise no second alert.
     */
    private void detectBruteForce() {
        from("direct:login-bursts")
                .routeId("detect-brute-force")
                .routeConfigurationId("modbus-errors")
                .aggregate(method("loginBursts", "key"))
                        .aggregationStrategy("#loginBursts")
                        .aggregationRepository("#loginBurstRepository")
                        .aggregateController("#loginBurstController")
                        .executorService("#inCallingThread")
                        .completionPredicate(simple("${body.continuesAlertedBurst} == false"
                                + " && ${body.attempts} >= {{modbus.detect.brute-force.threshold}}"))
                    .bean("bruteForce", "alert")
                    .filter(simple("${body} != null"))
                        .to("direct:alert")
                    .end()
                .end();
    }

    private void detectUnauthorizedWrite() {
        from("direct:detect-unauthorized-write")
                .routeId("detect-unauthorized-write")
                .routeConfigurationId("modbus-errors")
                .filter(simple("{{modbus.detect.unauthorized-write.enabled}}"))
                    .bean("unauthorizedWrite", "detect")
                    .filter(simple("${body} != null"))
                        .to("direct:alert")
                    .end()
                .end();
    }

    private void detectUnansweredWrite() {
        from("direct:detect-unanswered-write")
                .routeId("detect-unanswered-write")
                .routeConfigurationId("modbus-errors")
                .filter(simple("{{modbus.detect.unanswered-write.enabled}}"))
                    .bean("unansweredWrite", "detect")
                    .filter(simple("${body} != null"))
                        .to("direct:alert")
                    .end()
                .end();
    }

    private void detectMalformedPdu() {
        from("direct:detect-malformed-pdu")
                .routeId("detect-malformed-pdu")
                .routeConfigurationId("modbus-errors")
                .filter(simple("{{modbus.detect.protocol-anomaly.enabled}}"))
                    .bean("protocolAnomaly", "detect(${body})")
                    .filter(simple("${body} != null"))
                        .to("direct:alert")
                    .end()
                .end();
    }

    private void detectStreamAnomaly() {
        from("direct:detect-stream-anomaly")
                .routeId("detect-stream-anomaly")
                .routeConfigurationId("modbus-errors")
                .filter(simple("{{modbus.detect.protocol-anomaly.enabled}}"))
                    .bean("protocolAnomaly", "detect(${exchangeProperty.anomaly}, ${body})")
                    .filter(simple("${body} != null"))
                        .to("direct:alert")
                    .end()
                .end();
    }

    private void alerts() {
        from("direct:alert")
                .routeId("alerts")
                .routeConfigurationId("modbus-errors")
                .bean("runSummary", "alert")
                .setBody(simple("${body.record}"))
                .filter(simple("{{modbus.output.azure.enabled}}"))
                    .to("direct:azure-data-collector")
                .end()
                .filter(simple("{{modbus.output.azure-ingestion.enabled}}"))
                    .to("direct:azure-ingestion")
                .end()
                .filter(simple("{{modbus.output.syslog.enabled}}"))
                    .multicast().aggregationStrategy("#keepOriginal")
                        .to("direct:syslog")
                    .end()
                .end()
                .to("direct:json-line")
                .to("jsonl:{{modbus.output.dir}}?fileName=alerts.jsonl&priority=high");
    }

    // Azure outputs: each takes the alert's record into its batcher (dev.modbuswatch.output.delivery.BatchDelivery),
    // which batches, retries, spools to {{modbus.output.dir}}/spool/ and dead-letters on its own thread, and posts
    // each batch through the output's -post route below.

    private void azureDataCollector() {
        from("direct:azure-data-collector")
                .routeId("azure-data-collector")
                .routeConfigurationId("modbus-errors")
                .bean("azureDataCollector", "offer");
    }

    private void azureIngestion() {
        from("direct:azure-ingestion")
                .routeId("azure-ingestion")
                .routeConfigurationId("modbus-errors")
                .bean("azureIngestion", "offer");
    }

    /** Every event to syslog (modbus.output.syslog.records=all): the message's event, once correlation has tagged it. */
    private void syslogEvent() {
        from("direct:syslog-event")
                .routeId("syslog-event")
                .routeConfigurationId("modbus-errors")
                .setBody(simple("${body.event}"))
                .to("direct:syslog");
    }

    /**
     * The syslog output buffers the record and sends it from its own thread (see README, Syslog output); it takes
     * alerts, and every event too with modbus.output.syslog.records=all.
     */
    private void syslogOutput() {
        from("direct:syslog")
                .routeId("syslog-output")
                .routeConfigurationId("modbus-errors")
                .bean("syslogOutput", "offer");
    }

    private void jsonLine() {
        from("direct:json-line")
                .routeId("json-line")
                .routeConfigurationId("modbus-errors")
                .marshal().json()
                .transform(expression().simple().expression("${bodyAs(String)}\n").trim(false).end());
    }

    /**
     * The capture comes last: routes stop in reverse order, so on a reload or shutdown the capture stops first and
     * the routes it feeds are still there for what is in flight.
     */
    private void modbusCapture() {
        from("{{modbus.capture.uri}}?ports={{modbus.capture.ports}}&filter={{modbus.capture.filter}}"
                + "&batchSize={{modbus.capture.batch-size}}")
                .routeId("modbus-capture")
                .streamCache("false")
                .routeConfigurationId("modbus-errors")
                .choice()
                    .when(simple("${header.CamelPcapMessageType} == 'ADUS'"))
                        .bean("modbusEvent", "toMessages")
                        .bean("passphraseRedaction", "requests")
                        .bean("registerEnrichment", "requests")
                        .split(simple("${body}")).aggregationStrategy("#jsonLines")
                            // Capture time moves to the message's (timeouts), and a request reusing a pending request's
                            // transaction ID ends that one, before the message meets the aggregator.
                            .process("captureClock")
                            .process("pendingRequests")
                            .to("direct:correlate")
                            .filter(new RefExpression("malformedPdu"))
                                .bean("runSummary", "malformedPdu")
                                .multicast().aggregationStrategy("#keepOriginal")
                                    .to("direct:detect-malformed-pdu")
                                .end()
                            .end()
                            .filter(simple("{{modbus.output.syslog.enabled}} == true"
                                    + " && '{{modbus.output.syslog.records}}' == 'all'"))
                                .multicast().aggregationStrategy("#keepOriginal")
                                    .to("direct:syslog-event")
                                .end()
                            .end()
                        .end()
                        .to("jsonl:{{modbus.output.dir}}?fileName=events.jsonl&priority=low")
                        .to("direct:flush-transaction-lines")
                        .bean("pipelineState", "checkpoint")
                    .endChoice()
                    .when(simple("${header.CamelPcapMessageType} == 'ANOMALY'"))
                        // A capture gap (outage, kernel drops) is logged by the capture itself, at most once a minute.
                        .filter(simple("${body.kind} != 'CAPTURE_GAP'"))
                            .log(LoggingLevel.WARN, "Stream anomaly: ${body}")
                        .end()
                        .setProperty("anomaly", simple("${body}"))
                        // A gap (one connection's or the whole capture's) marks the requests pending across it unobserved.
                        .bean("unseenTraffic", "anomaly")
                        .bean("anomalyEvent")
                        .multicast().aggregationStrategy("#keepOriginal")
                            .to("direct:detect-stream-anomaly")
                        .end()
                        .to("direct:json-line")
                        .to("jsonl:{{modbus.output.dir}}?fileName=anomalies.jsonl")
                    .endChoice()
                    .when(simple("${header.CamelPcapMessageType} == 'TICK'"))
                        .bean("captureClock", "tick(${header.CamelPcapTime})")
                        .to("direct:flush-transaction-lines")
                        .bean("pipelineState", "checkpoint")
                    .endChoice()
                    // The end of a capture file completes everything pending; a live capture that stops (reload,
                    // shutdown) keeps it pending, marked unobserved.
                    .otherwise()
                        .bean("captureEnd", "ended")
                        .to("direct:flush-transaction-lines")
                        .log("Capture ended: ${header.CamelPcapStatistics}")
                .end();
    }
}
