package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtKeyRotationTest {

  private static final String CURRENT = "current-secret-0123456789abcdefgh";
  private static final String PREVIOUS = "previous-secret-0123456789abcdefg";
  private static final String RETIRED = "retired-secret-0123456789abcdefgh";
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final TokenSubject SUBJECT =
      new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 3, "session-1");

  private final MutableClock clock = new MutableClock(START);
  private final JwtTokenService service = rotated(CURRENT, List.of(PREVIOUS));

  private JwtTokenService rotated(String current, List<String> previous) {
    return new JwtTokenService(
        SigningKey.fromText(current),
        previous.stream().map(SigningKey::fromText).toList(),
        JwtTokenService.DEFAULT_ISSUER,
        JwtTokenService.DEFAULT_LIFETIME,
        JwtTokenService.MAX_CLOCK_SKEW,
        clock);
  }

  private void assertRejected(String token) {
    assertThatThrownBy(() -> service.verify(token)).isInstanceOf(InvalidToken.class);
  }

  private static JsonWebStructure header(String token) throws Exception {
    return new JwtConsumerBuilder()
        .setSkipAllValidators()
        .setDisableRequireSignature()
        .setSkipSignatureVerification()
        .build()
        .process(token)
        .getJoseObjects()
        .get(0);
  }

  private static JwtClaims claims() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("croupier");
    claims.setSubject("admin-1");
    claims.setClaim("org_id", "org-1");
    claims.setClaim("org_name", "acme");
    claims.setIssuedAt(NumericDate.fromSeconds(START.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(START.getEpochSecond() + 3600));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setClaim("cver", 3L);
    return claims;
  }

  /** Signs HS256 with the secret; a null key id writes no {@code kid}. */
  private static String sign(JwtClaims claims, String secret, Object keyId) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "JWT");
    if (keyId != null) {
      jws.getHeaders().setObjectHeaderValue("kid", keyId);
    }
    jws.setPayload(claims.toJson());
    jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
    try {
      return jws.getCompactSerialization();
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String keyId(String secret) {
    return SigningKey.fromText(secret).keyId();
  }

  @Test
  void writesKeyIdOfCurrentKey() throws Exception {
    // when
    String token = service.issue(SUBJECT).token();

    // then
    assertThat(header(token).getKeyIdHeaderValue()).isEqualTo(keyId(CURRENT));
    assertThat(service.currentKeyId()).isEqualTo(keyId(CURRENT));
  }

  @Test
  void verifiesTokenOfPreviousKey() {
    // given a token issued before the rotation, when the previous key was current
    String token = rotated(PREVIOUS, List.of()).issue(SUBJECT).token();

    // when
    TokenClaims claims = service.verify(token);

    // then
    assertThat(claims.adminId()).isEqualTo("admin-1");
  }

  @Test
  void rejectsTokenOfRetiredKey() {
    // given
    String token = rotated(RETIRED, List.of()).issue(SUBJECT).token();

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsKeyIdOfOtherSigner() {
    // given
    String token = sign(claims(), RETIRED, keyId(PREVIOUS));

    // when / then
    assertRejected(token);
  }

  @Test
  void acceptsCurrentKeyWithoutKeyId() {
    // given
    String token = sign(claims(), CURRENT, null);

    // when
    TokenClaims claims = service.verify(token);

    // then
    assertThat(claims.organizationId()).isEqualTo("org-1");
  }

  @Test
  void rejectsPreviousKeyWithoutKeyId() {
    // given
    String token = sign(claims(), PREVIOUS, null);

    // when / then
    assertRejected(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "unknown", "../../jwt-secret", "/etc/passwd", "AAAAAAAAAAAA"})
  void rejectsUnknownKeyId(String unknownKeyId) {
    // given a token signed with the current key that names another key
    String token = sign(claims(), CURRENT, unknownKeyId);

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsKeyIdThatIsNoString() {
    // given
    String token = sign(claims(), CURRENT, 42);

    // when / then
    assertRejected(token);
  }

  @Test
  void ignoresPreviousKeyEqualToCurrent() {
    // when
    JwtTokenService duplicated = rotated(CURRENT, List.of(CURRENT, PREVIOUS, PREVIOUS));

    // then
    assertThat(duplicated.acceptedKeyIds()).containsExactly(keyId(CURRENT), keyId(PREVIOUS));
  }

  @Test
  void writesAndReadsSessionId() throws Exception {
    // given
    String token = service.issue(SUBJECT).token();

    // when
    TokenClaims claims = service.verify(token);

    // then
    assertThat(claims.sessionId()).isEqualTo("session-1");
    assertThat(
            new JwtConsumerBuilder()
                .setSkipAllValidators()
                .setDisableRequireSignature()
                .setSkipSignatureVerification()
                .build()
                .processToClaims(token)
                .getClaimValue("sid"))
        .isEqualTo("session-1");
  }

  @Test
  void leavesOutSessionIdOfSubjectWithoutOne() {
    // given
    TokenSubject withoutSession =
        new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 3);

    // when
    TokenClaims claims = service.verify(service.issue(withoutSession).token());

    // then
    assertThat(claims.sessionId()).isNull();
  }

  @Test
  void rejectsBlankSessionId() {
    // given
    JwtClaims claims = claims();
    claims.setClaim("sid", " ");

    // when / then
    assertRejected(sign(claims, CURRENT, keyId(CURRENT)));
  }

  @Test
  void rejectsSessionIdThatIsNoString() {
    // given
    JwtClaims claims = claims();
    claims.setClaim("sid", 7);

    // when / then
    assertRejected(sign(claims, CURRENT, keyId(CURRENT)));
  }

  @Test
  void reportsLifetimeToCore() {
    assertThat(service.lifetime()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void headerNamesNoSecret() {
    // given
    String token = service.issue(SUBJECT).token();

    // when
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

    // then
    assertThat(header).doesNotContain(CURRENT);
    assertThat(header).contains("\"kid\":\"" + keyId(CURRENT) + "\"");
  }
}
