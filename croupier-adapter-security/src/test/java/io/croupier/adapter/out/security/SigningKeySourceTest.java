package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeySourceTest {

  private static final String SECRET = "0123456789abcdefghijklmnopqrstuv";
  private static final String SHORT_SECRET = "0123456789abcdefghijklmnopqrstu";

  @TempDir Path folder;

  @Test
  void usesSecretSetting() {
    // when
    SigningKey key = SigningKeySource.resolve(Optional.of(SECRET), Optional.empty(), false, folder);

    // then
    assertThat(key.bytes()).isEqualTo(bytes(SECRET));
  }

  @Test
  void rejectsSecretSettingOfThirtyOneBytes() {
    assertThatThrownBy(
            () ->
                SigningKeySource.resolve(Optional.of(SHORT_SECRET), Optional.empty(), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("CROUPIER_JWT_SECRET is 31 bytes long")
        .hasMessageContaining("at least 32")
        .hasMessageNotContaining(SHORT_SECRET);
  }

  @Test
  void usesSecretFileWithoutTrailingNewline() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SECRET + "\n");

    // when
    SigningKey key = SigningKeySource.resolve(Optional.empty(), Optional.of(file), false, folder);

    // then
    assertThat(key.bytes()).isEqualTo(bytes(SECRET));
  }

  @Test
  void dropsTrailingCrLfFromSecretFile() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SECRET + "\r\n");

    // when
    SigningKey key = SigningKeySource.resolve(Optional.empty(), Optional.of(file), false, folder);

    // then
    assertThat(key.bytes()).isEqualTo(bytes(SECRET));
  }

  @Test
  void usesSecretFileWithoutNewlineAsIs() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SECRET);

    // when
    SigningKey key = SigningKeySource.resolve(Optional.empty(), Optional.of(file), false, folder);

    // then
    assertThat(key.bytes()).isEqualTo(bytes(SECRET));
  }

  @Test
  void rejectsSecretFileOfThirtyOneBytes() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SHORT_SECRET + "\n");

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.of(file), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("CROUPIER_JWT_SECRET_FILE")
        .hasMessageContaining("contains 31 bytes")
        .hasMessageNotContaining(SHORT_SECRET);
  }

  @Test
  void rejectsMissingSecretFile() {
    // given
    Path missing = folder.resolve("absent");

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.of(missing), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("CROUPIER_JWT_SECRET_FILE")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void rejectsUnreadableSecretFile() throws IOException {
    // given
    Path directory = Files.createDirectory(folder.resolve("a-folder"));

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.of(directory), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("CROUPIER_JWT_SECRET_FILE")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void rejectsSecretTogetherWithSecretFile() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SECRET);

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.of(SECRET), Optional.of(file), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("Both CROUPIER_JWT_SECRET and CROUPIER_JWT_SECRET_FILE are set")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void treatsEmptySecretSettingAsUnset() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("secret"), SECRET);

    // when
    SigningKey key = SigningKeySource.resolve(Optional.of(""), Optional.of(file), false, folder);

    // then
    assertThat(key.bytes()).isEqualTo(bytes(SECRET));
  }

  @Test
  void requiresSecretForExternalMongoDb() {
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.empty(), false, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("Neither CROUPIER_JWT_SECRET nor CROUPIER_JWT_SECRET_FILE is set");
  }

  @Test
  void generatesNoFileForExternalMongoDb() {
    // when
    Throwable thrown =
        catchThrowable(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.empty(), false, folder));

    // then
    assertThat(thrown).isInstanceOf(InvalidSigningKeyConfiguration.class);
    assertThat(folder.resolve(SigningKeySource.GENERATED_FILE_NAME)).doesNotExist();
  }

  @Test
  void generatesSecretForEmbeddedStore() throws IOException {
    // when
    SigningKey key = SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

    // then
    byte[] stored = Files.readAllBytes(folder.resolve(SigningKeySource.GENERATED_FILE_NAME));
    assertThat(key.bytes()).isEqualTo(stored);
    assertThat(Base64.getUrlDecoder().decode(stored)).hasSize(32);
  }

  @Test
  void storesGeneratedSecretForOwnerOnly() throws IOException {
    // given
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));

    // when
    SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

    // then
    Path file = folder.resolve(SigningKeySource.GENERATED_FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void reusesGeneratedSecretOnNextStart() {
    // given
    SigningKey first = SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

    // when
    SigningKey second = SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

    // then
    assertThat(second.bytes()).isEqualTo(first.bytes());
  }

  @Test
  void leavesOnlyTheSecretFileInDataFolder() throws IOException {
    // when
    SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

    // then
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactly(SigningKeySource.GENERATED_FILE_NAME);
    }
  }

  @Test
  void createsMissingDataFolder() {
    // given
    Path dataDir = folder.resolve("nested").resolve("data");

    // when
    SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, dataDir);

    // then
    assertThat(dataDir.resolve(SigningKeySource.GENERATED_FILE_NAME)).isRegularFile();
  }

  @Test
  void warnsOnceAboutGeneratedSecret() throws IOException {
    try (LogCapture log = LogCapture.of(SigningKeySource.class)) {
      // when
      SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder);

      // then
      Path file = folder.resolve(SigningKeySource.GENERATED_FILE_NAME);
      String secret = Files.readString(file);
      List<String> warnings = log.messages(Level.WARN);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains(file.toString());
      assertThat(warnings.get(0)).contains("set CROUPIER_JWT_SECRET or CROUPIER_JWT_SECRET_FILE");
      assertThat(warnings.get(0)).doesNotContain(secret);
    }
  }

  @Test
  void rejectsDamagedGeneratedSecretFile() throws IOException {
    // given
    Files.writeString(folder.resolve(SigningKeySource.GENERATED_FILE_NAME), "cut-short");

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, folder))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("contains 9 bytes")
        .hasMessageContaining("delete it")
        .hasMessageNotContaining("cut-short");
  }

  @Test
  void rejectsDataFolderThatCannotHoldFile() throws IOException {
    // given
    Path regularFile = Files.writeString(folder.resolve("not-a-folder"), "x");

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolve(Optional.empty(), Optional.empty(), true, regularFile))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("cannot be generated in the data folder")
        .hasMessageContaining("CROUPIER_JWT_SECRET");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
