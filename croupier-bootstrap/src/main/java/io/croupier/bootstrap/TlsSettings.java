package io.croupier.bootstrap;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings as given: a PKCS12 keystore with its password or password file, or a PEM certificate
 * chain with its private key. {@link #toString()} leaves out the password.
 */
public record TlsSettings(
    Optional<Path> keystore,
    Optional<String> keystorePassword,
    Optional<Path> keystorePasswordFile,
    Optional<Path> certificate,
    Optional<Path> privateKey) {

  public TlsSettings {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(keystorePassword, "keystorePassword");
    Objects.requireNonNull(keystorePasswordFile, "keystorePasswordFile");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Returns whether any TLS setting is given. */
  public boolean isConfigured() {
    return keystore.isPresent()
        || keystorePassword.isPresent()
        || keystorePasswordFile.isPresent()
        || certificate.isPresent()
        || privateKey.isPresent();
  }

  @Override
  public String toString() {
    return "TlsSettings[keystore="
        + keystore.orElse(null)
        + ", certificate="
        + certificate.orElse(null)
        + ", privateKey="
        + privateKey.orElse(null)
        + "]";
  }
}
