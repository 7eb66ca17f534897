package dev.modbuswatch.output.syslog;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sockets for RFC 5425 from PEM files: the CA certificates the server's certificate must chain to (the JVM's trust
 * store when none is given), optionally a client certificate chain and its PKCS#8 private key. With verification on,
 * the server's certificate must also name the host connected to; with it off, any certificate is accepted.
 */
public final class TlsSocketFactory {

    private TlsSocketFactory() {
    }

    /**
     * @param caFile          PEM CA certificates, or null for the JVM's trust store
     * @param certificateFile PEM client certificate chain, or null for no client certificate
     * @param keyFile         PEM PKCS#8 ("BEGIN PRIVATE KEY") key of the client certificate
     * @throws IOException naming the file that cannot be read or used
     */
    public static OctetCountingTransport.UnconnectedSockets create(Path caFile, Path certificateFile, Path keyFile,
                                                                   boolean verify) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificateFile == null ? null : keyManagers(certificateFile, keyFile),
                    verify ? trustManagers(caFile) : new TrustManager[] {new AnyCertificate()}, null);
            SSLSocketFactory sockets = context.getSocketFactory();
            return () -> {
                SSLSocket socket = (SSLSocket) sockets.createSocket();
                if (verify) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                return socket;
            };
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Path caFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            List<Certificate> certificates = certificates(caFile);
            for (int i = 0; i < certificates.size(); i++) {
                trusted.setCertificateEntry("ca" + i, certificates.get(i));
            }
            factory.init(trusted);
        }
        return factory.getTrustManagers();
    }

    private static javax.net.ssl.KeyManager[] keyManagers(Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException {
        if (keyFile == null) {
            throw new IOException("a client certificate (" + certificateFile + ") needs its private key file");
        }
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static List<Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    /** For tls.verify=false only. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
