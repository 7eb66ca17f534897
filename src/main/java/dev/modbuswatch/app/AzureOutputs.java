package dev.modbuswatch.app;

import dev.modbuswatch.output.azure.DataCollectorTarget;
import dev.modbuswatch.output.azure.EntraTokenSource;
import dev.modbuswatch.output.azure.LogsIngestionTarget;
import dev.modbuswatch.output.azure.SharedKeySigner;
import dev.modbuswatch.output.delivery.BatchDelivery;
import dev.modbuswatch.output.delivery.DeadLetterFile;
import dev.modbuswatch.output.delivery.DeliveryTarget;
import dev.modbuswatch.output.delivery.DiskSpool;
import dev.modbuswatch.output.delivery.RetryPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Azure outputs from their settings ({@code modbus.output.azure.*}, {@code modbus.output.azure-ingestion.*}):
 * registered as the beans the routes call ({@code azureDataCollector}, {@code azureIngestion}), their TLS settings
 * ({@code azureDataCollectorTls}, {@code azureIngestionTls}) and, when enabled, as services the context stops after
 * the routes, so that a run ends only when they have delivered or spooled every record.
 */
final class AzureOutputs {

    static final String DATA_COLLECTOR = "modbus.output.azure";
    static final String INGESTION = "modbus.output.azure-ingestion";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern LOG_TYPE = Pattern.compile("[A-Za-z0-9_]{1,100}");

    private final CamelContext context;

    AzureOutputs(CamelContext context) {
        this.context = context;
    }

    void register() {
        register(DATA_COLLECTOR, "azureDataCollector", this::dataCollector);
        register(INGESTION, "azureIngestion", this::ingestion);
    }

    private interface TargetFactory {
        DeliveryTarget create(String prefix);
    }

    private void register(String prefix, String bean, TargetFactory targets) {
        if (context.getRegistry().lookupByName(bean) != null) {
            return; // registered once per context even if the configuration is applied again: one spool folder, one output
        }
        context.getRegistry().bind(bean + "Tls", tls(prefix));
        if (!Settings.flag(prefix + ".enabled", raw(prefix + ".enabled").orElse("false"))) {
            context.getRegistry().bind(bean, new DisabledOutput(prefix + ".enabled"));
            return;
        }
        DeliveryTarget target = targets.create(prefix);
        Path output = Path.of(required("modbus.output.dir"));
        DiskSpool spool;
        try {
            spool = new DiskSpool(output.resolve("spool").resolve(target.name()));
        } catch (IOException e) {
            throw new SettingException("modbus.output.dir", output.toString(), "cannot use the spool folder: " + e);
        }
        RetryPolicy retries = new RetryPolicy(count(prefix + ".retries", true),
                millis(prefix + ".retry-backoff"), millis(prefix + ".retry-backoff-max"));
        BatchDelivery delivery = new BatchDelivery(target, spool,
                new DeadLetterFile(output.resolve(target.name() + "-dead-letter.jsonl"), target.name(),
                        OutputFiles.policy(context.getPropertiesComponent())), retries,
                count(prefix + ".batch-size", false), millis(prefix + ".linger"), millis(prefix + ".drain-timeout"));
        context.getRegistry().bind(bean, delivery);
        try {
            context.addService(delivery, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + target.name(), e);
        }
    }

    private DeliveryTarget dataCollector(String prefix) {
        String workspace = matching(prefix + ".workspace-id", GUID, "a workspace ID (a GUID)");
        String logType = matching(prefix + ".log-type", LOG_TYPE, "letters, digits and underscores, at most 100");
        SharedKeySigner signer;
        try {
            signer = new SharedKeySigner(workspace, secret(prefix + ".shared-key"));
        } catch (IllegalArgumentException e) {
            throw SettingException.secret(prefix + ".shared-key", e.getMessage());
        }
        String url = optional(prefix + ".url").orElse(DataCollectorTarget.defaultUrl(workspace));
        return new DataCollectorTarget(url, logType, optional(prefix + ".resource-id").orElse(""), signer,
                new CamelHttpPost(context.createProducerTemplate(), "direct:azure-data-collector-post"),
                Clock.systemUTC());
    }

    private DeliveryTarget ingestion(String prefix) {
        String tenant = required(prefix + ".tenant-id");
        String clientId = required(prefix + ".client-id");
        String secret = secret(prefix + ".client-secret");
        String endpoint = required(prefix + ".endpoint");
        if (!endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
            throw new SettingException(prefix + ".endpoint", endpoint, "must be an https:// URL");
        }
        String url = LogsIngestionTarget.url(endpoint, required(prefix + ".dcr-id"), required(prefix + ".stream"));
        String tokenUrl = optional(prefix + ".token-url").orElse(EntraTokenSource.defaultTokenUrl(tenant));
        EntraTokenSource tokens = new EntraTokenSource(tokenUrl, clientId, secret,
                new CamelHttpPost(context.createProducerTemplate(), "direct:azure-token-post"), Clock.systemUTC());
        return new LogsIngestionTarget(url, tokens,
                new CamelHttpPost(context.createProducerTemplate(), "direct:azure-ingestion-post"));
    }

    /** The JVM's trusted certificates, or only those of the PEM file in {@code <prefix>.ca-file}. */
    private SSLContextParameters tls(String prefix) {
        SSLContextParameters parameters = new SSLContextParameters();
        Optional<String> caFile = optional(prefix + ".ca-file");
        if (caFile.isPresent()) {
            KeyStoreParameters trusted = new KeyStoreParameters();
            trusted.setKeyStore(trustStore(prefix + ".ca-file", caFile.get()));
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(trusted);
            parameters.setTrustManagers(trust);
        }
        return parameters;
    }

    private static KeyStore trustStore(String key, String file) {
        try (InputStream pem = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new SettingException(key, file, "holds no PEM certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingException(key, file, "cannot read the CA certificates: " + e.getMessage());
        }
    }

    private Optional<String> raw(String key) {
        return context.getPropertiesComponent().resolveProperty(key);
    }

    /** A value, with {{env:NAME}} and other placeholders in it resolved; none when absent or blank. */
    private Optional<String> optional(String key) {
        return raw(key).map(context::resolvePropertyPlaceholders).map(String::trim).filter(value -> !value.isEmpty());
    }

    private String required(String key) {
        return optional(key).orElseThrow(() -> new SettingException(key, "", "required for this output"));
    }

    private String secret(String key) {
        Optional<String> value;
        try {
            value = optional(key);
        } catch (RuntimeException e) {
            throw SettingException.secret(key, "cannot resolve it (is the environment variable it names set?)");
        }
        return value.orElseThrow(() -> SettingException.secret(key, "required for this output"));
    }

    private String matching(String key, Pattern pattern, String what) {
        String value = required(key);
        if (!pattern.matcher(value).matches()) {
            throw new SettingException(key, value, "must be " + what);
        }
        return value;
    }

    private int count(String key, boolean zeroAllowed) {
        String value = required(key);
        return zeroAllowed && value.equals("0") ? 0 : Settings.positiveCount(key, value);
    }

    private Duration millis(String key) {
        return Duration.ofMillis(Settings.positiveMillis(key, required(key)));
    }
}
