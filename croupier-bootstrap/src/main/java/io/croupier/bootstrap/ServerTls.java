package io.croupier.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code CROUPIER_TLS_*} settings into Micronaut's {@code micronaut.server.ssl.*}
 * properties at start-up, before the HTTP server is created, so that the server serves HTTPS only,
 * on the configured port. Checks the files first, so that a missing file, a wrong keystore password
 * or a half-given PEM pair stops start-up with a message that names the setting.
 */
@Context
final class ServerTls {

  static final String KEYSTORE = "CROUPIER_TLS_KEYSTORE";
  static final String KEYSTORE_PASSWORD = "CROUPIER_TLS_KEYSTORE_PASSWORD";
  static final String KEYSTORE_PASSWORD_FILE = "CROUPIER_TLS_KEYSTORE_PASSWORD_FILE";
  static final String CERTIFICATE = "CROUPIER_TLS_CERTIFICATE";
  static final String PRIVATE_KEY = "CROUPIER_TLS_PRIVATE_KEY";

  private static final String SSL = "micronaut.server.ssl.";
  private static final String PEM_MARKER = "-----BEGIN ";
  private static final int DEFAULT_PORT = 8000;
  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

  ServerTls(Environment environment, CroupierSettings settings) {
    TlsSettings tls = settings.tls();
    if (!tls.isConfigured()) {
      return;
    }
    Map<String, Object> properties = new HashMap<>(sslProperties(tls));
    properties.put(SSL + "enabled", true);
    if (!environment.containsProperty(SSL + "port")) {
      int port = environment.getProperty("micronaut.server.port", Integer.class, DEFAULT_PORT);
      properties.put(SSL + "port", port);
    }
    // Ordered above every configuration file and variable, but the keys set here are only the
    // ones that the TLS settings define.
    environment.addPropertySource(
        PropertySource.of("croupier-tls", Collections.unmodifiableMap(properties), 10_000));
    LOG.info("Serving HTTPS only, with the {}", describe(tls));
  }

  /**
   * Returns the {@code micronaut.server.ssl.*} properties of the key material, after checking it.
   *
   * @throws IllegalArgumentException naming the setting if the settings conflict or a file is
   *     missing, unreadable or of the wrong kind
   */
  static Map<String, Object> sslProperties(TlsSettings tls) {
    boolean pem = tls.certificate().isPresent() || tls.privateKey().isPresent();
    if (tls.keystore().isPresent() && pem) {
      throw new IllegalArgumentException(
          "Both "
              + KEYSTORE
              + " and a PEM pair are set; set "
              + KEYSTORE
              + ", or "
              + CERTIFICATE
              + " with "
              + PRIVATE_KEY
              + ", not both.");
    }
    return pem ? pemProperties(tls) : keystoreProperties(tls);
  }

  private static Map<String, Object> keystoreProperties(TlsSettings tls) {
    Path keystore =
        tls.keystore()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        KEYSTORE_PASSWORD
                            + " or "
                            + KEYSTORE_PASSWORD_FILE
                            + " is set without "
                            + KEYSTORE
                            + "; set the keystore too, or remove the password."));
    String password = keystorePassword(tls);
    checkKeystore(keystore, password);
    return Map.of(
        SSL + "key-store.path",
        "file:" + keystore.toAbsolutePath(),
        SSL + "key-store.password",
        password,
        SSL + "key-store.type",
        "PKCS12");
  }

  private static String keystorePassword(TlsSettings tls) {
    if (tls.keystorePassword().isPresent() && tls.keystorePasswordFile().isPresent()) {
      throw new IllegalArgumentException(
          "Both " + KEYSTORE_PASSWORD + " and " + KEYSTORE_PASSWORD_FILE + " are set; set one.");
    }
    if (tls.keystorePassword().isPresent()) {
      return tls.keystorePassword().get();
    }
    Path file =
        tls.keystorePasswordFile()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        KEYSTORE
                            + " needs the keystore's password; set "
                            + KEYSTORE_PASSWORD
                            + " or "
                            + KEYSTORE_PASSWORD_FILE
                            + "."));
    String content = new String(read(file, KEYSTORE_PASSWORD_FILE), StandardCharsets.UTF_8);
    return withoutTrailingNewline(content);
  }

  /** Opens the keystore with the password and checks that it contains a private key. */
  private static void checkKeystore(Path keystore, String password) {
    read(keystore, KEYSTORE);
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return;
        }
      }
      throw new IllegalArgumentException(
          "The keystore "
              + keystore
              + " named by "
              + KEYSTORE
              + " contains no private key; put the server's key and certificate chain in it.");
    } catch (IOException | GeneralSecurityException unreadable) {
      throw new IllegalArgumentException(
          "The keystore "
              + keystore
              + " named by "
              + KEYSTORE
              + " cannot be opened ("
              + unreadable.getClass().getSimpleName()
              + "); check that it is a PKCS12 file and that the password matches.",
          unreadable);
    }
  }

  private static Map<String, Object> pemProperties(TlsSettings tls) {
    if (tls.certificate().isEmpty() || tls.privateKey().isEmpty()) {
      throw new IllegalArgumentException(
          CERTIFICATE + " and " + PRIVATE_KEY + " must be set together; set both, or neither.");
    }
    if (tls.keystorePassword().isPresent() || tls.keystorePasswordFile().isPresent()) {
      throw new IllegalArgumentException(
          KEYSTORE_PASSWORD
              + " applies to "
              + KEYSTORE
              + " only; remove it, because the PEM private key must not be encrypted.");
    }
    Path certificate = tls.certificate().get();
    Path privateKey = tls.privateKey().get();
    checkPem(certificate, CERTIFICATE);
    checkPem(privateKey, PRIVATE_KEY);
    return Map.of(
        SSL + "key-store.certificate-path", "file:" + certificate.toAbsolutePath(),
        SSL + "key-store.key-path", "file:" + privateKey.toAbsolutePath());
  }

  private static void checkPem(Path file, String setting) {
    if (!new String(read(file, setting), StandardCharsets.US_ASCII).contains(PEM_MARKER)) {
      throw new IllegalArgumentException(
          "The file "
              + file
              + " named by "
              + setting
              + " is not PEM; give a file with a '-----BEGIN' line.");
    }
  }

  private static byte[] read(Path file, String setting) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException missing) {
      throw new IllegalArgumentException(
          "The file " + file + " named by " + setting + " does not exist; correct the path.",
          missing);
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(
          "The file "
              + file
              + " named by "
              + setting
              + " cannot be read ("
              + unreadable.getClass().getSimpleName()
              + "); make it readable by the Croupier user.",
          unreadable);
    }
  }

  private static String withoutTrailingNewline(String content) {
    String text = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static String describe(TlsSettings tls) {
    return tls.keystore()
        .map(keystore -> "keystore " + keystore)
        .orElseGet(
            () ->
                "certificate "
                    + tls.certificate().map(Path::toString).orElse("")
                    + " and its private key");
  }
}
