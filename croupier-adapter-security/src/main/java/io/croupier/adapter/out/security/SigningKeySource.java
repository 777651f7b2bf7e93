package io.croupier.adapter.out.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the JWT signing key from the configured secret, the configured secret file, or, for the
 * embedded store only, a secret generated once and kept in the data folder. Also resolves the
 * previous keys, which still verify tokens signed before the key was rotated.
 */
public final class SigningKeySource {

  /** Setting that carries the secret text itself. */
  public static final String SECRET_SETTING = "CROUPIER_JWT_SECRET";

  /** Setting that names a file containing the secret. */
  public static final String SECRET_FILE_SETTING = "CROUPIER_JWT_SECRET_FILE";

  /** Setting that carries previous secrets, separated by commas. */
  public static final String PREVIOUS_SECRETS_SETTING = "CROUPIER_JWT_PREVIOUS_SECRETS";

  /** Setting that names a file with one previous secret per line. */
  public static final String PREVIOUS_SECRETS_FILE_SETTING = "CROUPIER_JWT_PREVIOUS_SECRETS_FILE";

  /** Name of the generated secret file inside the data folder. */
  public static final String GENERATED_FILE_NAME = "jwt-secret";

  /** Random bytes in a generated secret, before base64url encoding. */
  static final int GENERATED_RANDOM_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeySource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningKeySource() {}

  /**
   * Resolves the signing key from the settings. The secret text and the secret file are mutually
   * exclusive. Only when neither is set and {@code embeddedStore} is true does it generate a secret
   * in {@code dataDir}, or reuse the one generated before. An empty secret text counts as not set.
   *
   * @param secret value of {@value #SECRET_SETTING}
   * @param secretFile value of {@value #SECRET_FILE_SETTING}
   * @param embeddedStore whether Croupier runs on its embedded store rather than an external
   *     MongoDB, whose instances would each generate a different secret
   * @param dataDir data folder of the embedded store; read only when a secret is generated
   * @throws InvalidSigningKeyConfiguration if the settings conflict, the secret is shorter than 32
   *     bytes, the file cannot be read, or no secret is set for an external MongoDB
   */
  public static SigningKey resolve(
      Optional<String> secret, Optional<Path> secretFile, boolean embeddedStore, Path dataDir) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(secretFile, "secretFile");
    Optional<String> secretText = secret.filter(text -> !text.isEmpty());
    if (secretText.isPresent() && secretFile.isPresent()) {
      throw new InvalidSigningKeyConfiguration(
          "Both "
              + SECRET_SETTING
              + " and "
              + SECRET_FILE_SETTING
              + " are set; set only one of them.");
    }
    if (secretText.isPresent()) {
      return fromSetting(secretText.get());
    }
    if (secretFile.isPresent()) {
      return fromFile(secretFile.get());
    }

    if (!embeddedStore) {
      throw new InvalidSigningKeyConfiguration(
          "Neither "
              + SECRET_SETTING
              + " nor "
              + SECRET_FILE_SETTING
              + " is set, and with an external MongoDB every instance must share one secret;"
              + " set one of them to at least "
              + SigningKey.MIN_BYTES
              + " random bytes.");
    }
    return generatedOrReused(Objects.requireNonNull(dataDir, "dataDir"));
  }

  /**
   * Resolves the previous signing keys from both settings, those of the text first. The text
   * contains secrets separated by commas, and the file one secret per line. Whitespace around each
   * secret is removed, and empty entries and blank lines are skipped, so a secret that contains a
   * comma must go in the file.
   *
   * @param previousSecrets value of {@value #PREVIOUS_SECRETS_SETTING}
   * @param previousSecretsFile value of {@value #PREVIOUS_SECRETS_FILE_SETTING}
   * @return the keys in the order given, empty when neither setting is set
   * @throws InvalidSigningKeyConfiguration if a secret is shorter than 32 bytes, naming the setting
   *     and the secret's position but never the secret, or if the file cannot be read
   */
  public static List<SigningKey> resolvePrevious(
      Optional<String> previousSecrets, Optional<Path> previousSecretsFile) {
    Objects.requireNonNull(previousSecrets, "previousSecrets");
    Objects.requireNonNull(previousSecretsFile, "previousSecretsFile");
    List<SigningKey> keys = new ArrayList<>();

    if (previousSecrets.isPresent()) {
      String[] entries = previousSecrets.get().split(",", -1);
      for (int index = 0; index < entries.length; index++) {
        String where = "Entry " + (index + 1) + " of " + PREVIOUS_SECRETS_SETTING;
        previousKey(entries[index], where).ifPresent(keys::add);
      }
    }
    if (previousSecretsFile.isPresent()) {
      Path file = previousSecretsFile.get();
      String content =
          new String(readFile(file, PREVIOUS_SECRETS_FILE_SETTING), StandardCharsets.UTF_8);
      List<String> lines = content.lines().toList();
      for (int index = 0; index < lines.size(); index++) {
        String where =
            "Line "
                + (index + 1)
                + " of the file "
                + file
                + " named by "
                + PREVIOUS_SECRETS_FILE_SETTING;
        previousKey(lines.get(index), where).ifPresent(keys::add);
      }
    }
    return List.copyOf(keys);
  }

  /** Returns the key of one stripped entry, empty for a blank one. */
  private static Optional<SigningKey> previousKey(String entry, String where) {
    String secret = entry.strip();
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < SigningKey.MIN_BYTES) {
      throw new InvalidSigningKeyConfiguration(
          where
              + " is "
              + bytes.length
              + " bytes long; every previous secret needs at least "
              + SigningKey.MIN_BYTES
              + " bytes. Correct or remove that secret.");
    }
    return Optional.of(SigningKey.fromBytes(bytes));
  }

  private static SigningKey fromSetting(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < SigningKey.MIN_BYTES) {
      throw new InvalidSigningKeyConfiguration(
          SECRET_SETTING
              + " is "
              + bytes.length
              + " bytes long; set it to at least "
              + SigningKey.MIN_BYTES
              + " random bytes.");
    }
    return SigningKey.fromBytes(bytes);
  }

  private static SigningKey fromFile(Path file) {
    byte[] bytes = withoutTrailingNewline(readFile(file, SECRET_FILE_SETTING));
    if (bytes.length < SigningKey.MIN_BYTES) {
      throw new InvalidSigningKeyConfiguration(
          "The file "
              + file
              + " named by "
              + SECRET_FILE_SETTING
              + " contains "
              + bytes.length
              + " bytes; put at least "
              + SigningKey.MIN_BYTES
              + " random bytes in it.");
    }
    return SigningKey.fromBytes(bytes);
  }

  private static byte[] readFile(Path file, String setting) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException missing) {
      throw new InvalidSigningKeyConfiguration(
          "The file "
              + file
              + " named by "
              + setting
              + " does not exist; create it or correct the path.",
          missing);
    } catch (IOException unreadable) {
      throw new InvalidSigningKeyConfiguration(
          "The file "
              + file
              + " named by "
              + setting
              + " cannot be read ("
              + unreadable.getClass().getSimpleName()
              + "); make it a regular file that the Croupier user can read.",
          unreadable);
    }
  }

  /** Drops one trailing line break, {@code \n} or {@code \r\n}, that editors and echo add. */
  private static byte[] withoutTrailingNewline(byte[] content) {
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end--;
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
    }
    return Arrays.copyOf(content, end);
  }

  private static SigningKey generatedOrReused(Path dataDir) {
    Path file = dataDir.resolve(GENERATED_FILE_NAME);
    if (!Files.exists(file)) {
      writeGeneratedSecret(dataDir, file);
    }
    byte[] bytes = readGeneratedSecret(file);

    LOG.warn(
        "No JWT secret is configured, so tokens are signed with a generated secret stored in {};"
            + " set {} or {} in production",
        file,
        SECRET_SETTING,
        SECRET_FILE_SETTING);
    return SigningKey.fromBytes(bytes);
  }

  /**
   * Writes a new secret to a temporary file with owner-only permissions, then moves it into place,
   * so that a concurrent reader never sees a partly written file. If a file already exists by the
   * time of the move, that file is kept.
   */
  private static void writeGeneratedSecret(Path dataDir, Path file) {
    byte[] random = new byte[GENERATED_RANDOM_BYTES];
    RANDOM.nextBytes(random);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(random);
    try {
      Files.createDirectories(dataDir);
      Path temporary =
          Files.createTempFile(dataDir, GENERATED_FILE_NAME, ".tmp", ownerOnly(dataDir));
      try {
        Files.write(temporary, encoded);
        moveUnlessPresent(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException failure) {
      throw new InvalidSigningKeyConfiguration(
          "A JWT secret cannot be generated in the data folder "
              + dataDir
              + " ("
              + failure.getClass().getSimpleName()
              + "); make the folder writable, or set "
              + SECRET_SETTING
              + " or "
              + SECRET_FILE_SETTING
              + ".",
          failure);
    }
  }

  private static void moveUnlessPresent(Path temporary, Path file) throws IOException {
    try {
      Files.move(temporary, file);
    } catch (FileAlreadyExistsException createdMeanwhile) {
      // Another process generated the secret first; the caller reads that file instead.
    }
  }

  private static byte[] readGeneratedSecret(Path file) {
    byte[] bytes;
    try {
      bytes = withoutTrailingNewline(Files.readAllBytes(file));
    } catch (IOException unreadable) {
      throw new InvalidSigningKeyConfiguration(
          "The generated JWT secret file "
              + file
              + " cannot be read ("
              + unreadable.getClass().getSimpleName()
              + "); make it readable, or set "
              + SECRET_SETTING
              + " or "
              + SECRET_FILE_SETTING
              + ".",
          unreadable);
    }
    if (bytes.length < SigningKey.MIN_BYTES) {
      throw new InvalidSigningKeyConfiguration(
          "The generated JWT secret file "
              + file
              + " contains "
              + bytes.length
              + " bytes; delete it so that a new secret is generated, or set "
              + SECRET_SETTING
              + " or "
              + SECRET_FILE_SETTING
              + ".");
    }
    return bytes;
  }

  /**
   * Returns the owner-only permission attribute where the file system supports POSIX permissions.
   */
  private static FileAttribute<?>[] ownerOnly(Path dataDir) {
    boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
    // NOTE: on a file system without POSIX permissions, such as NTFS, the file inherits the
    // access rules of the data folder, so that folder must be private to the Croupier user.
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }
}
