package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousSigningKeysTest {

  private static final String FIRST = "first-previous-secret-0123456789a";
  private static final String SECOND = "second-previous-secret-012345678";
  private static final String OF_32_BYTES = "0123456789abcdefghijklmnopqrstuv";
  private static final String OF_31_BYTES = "0123456789abcdefghijklmnopqrstu";

  @TempDir Path folder;

  private static List<String> keyIds(List<SigningKey> keys) {
    return keys.stream().map(SigningKey::keyId).toList();
  }

  private static String keyId(String secret) {
    return SigningKey.fromText(secret).keyId();
  }

  @Test
  void resolvesNothingWithoutSettings() {
    assertThat(SigningKeySource.resolvePrevious(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void splitsSettingAtCommas() {
    // when
    List<SigningKey> keys =
        SigningKeySource.resolvePrevious(Optional.of(FIRST + "," + SECOND), Optional.empty());

    // then
    assertThat(keyIds(keys)).containsExactly(keyId(FIRST), keyId(SECOND));
  }

  @Test
  void stripsSpacesAndSkipsEmptyEntries() {
    // when
    List<SigningKey> keys =
        SigningKeySource.resolvePrevious(
            Optional.of(" " + FIRST + " , ," + SECOND + ","), Optional.empty());

    // then
    assertThat(keyIds(keys)).containsExactly(keyId(FIRST), keyId(SECOND));
  }

  @Test
  void acceptsSecretOfThirtyTwoBytes() {
    // when
    List<SigningKey> keys =
        SigningKeySource.resolvePrevious(Optional.of(OF_32_BYTES), Optional.empty());

    // then
    assertThat(keys).hasSize(1);
  }

  @Test
  void rejectsSecretOfThirtyOneBytesByPosition() {
    assertThatThrownBy(
            () ->
                SigningKeySource.resolvePrevious(
                    Optional.of(FIRST + "," + OF_31_BYTES), Optional.empty()))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageStartingWith("Entry 2 of CROUPIER_JWT_PREVIOUS_SECRETS is 31 bytes long")
        .hasMessageNotContaining(OF_31_BYTES)
        .hasMessageNotContaining(FIRST);
  }

  @Test
  void readsOneSecretPerLine() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("previous"), FIRST + "\r\n\n" + SECOND + "\n");

    // when
    List<SigningKey> keys = SigningKeySource.resolvePrevious(Optional.empty(), Optional.of(file));

    // then
    assertThat(keyIds(keys)).containsExactly(keyId(FIRST), keyId(SECOND));
  }

  @Test
  void rejectsShortLineByNumber() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("previous"), FIRST + "\n\n" + OF_31_BYTES);

    // when / then
    assertThatThrownBy(() -> SigningKeySource.resolvePrevious(Optional.empty(), Optional.of(file)))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageStartingWith("Line 3 of the file " + file)
        .hasMessageContaining("CROUPIER_JWT_PREVIOUS_SECRETS_FILE")
        .hasMessageContaining("31 bytes")
        .hasMessageNotContaining(OF_31_BYTES);
  }

  @Test
  void rejectsMissingFileNamingSetting() {
    // given
    Path missing = folder.resolve("missing");

    // when / then
    assertThatThrownBy(
            () -> SigningKeySource.resolvePrevious(Optional.empty(), Optional.of(missing)))
        .isInstanceOf(InvalidSigningKeyConfiguration.class)
        .hasMessageContaining("CROUPIER_JWT_PREVIOUS_SECRETS_FILE")
        .hasMessageContaining("does not exist");
  }

  @Test
  void combinesSettingThenFile() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("previous"), SECOND + "\n");

    // when
    List<SigningKey> keys = SigningKeySource.resolvePrevious(Optional.of(FIRST), Optional.of(file));

    // then
    assertThat(keyIds(keys)).containsExactly(keyId(FIRST), keyId(SECOND));
  }
}
