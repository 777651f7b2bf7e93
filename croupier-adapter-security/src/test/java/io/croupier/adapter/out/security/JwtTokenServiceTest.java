package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenServiceTest {

  private static final String SECRET = "0123456789abcdefghijklmnopqrstuv";
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final TokenSubject SUBJECT =
      new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 3);

  private final MutableClock clock = new MutableClock(START);
  private final JwtTokenService service = new JwtTokenService(SigningKey.fromText(SECRET), clock);

  @Test
  void verifiesOwnTokenWithEveryClaim() {
    // given
    IssuedToken issued = service.issue(SUBJECT);

    // when
    TokenClaims claims = service.verify(issued.token());

    // then
    assertThat(UUID.fromString(claims.tokenId())).isNotNull();
    assertThat(claims.adminId()).isEqualTo("admin-1");
    assertThat(claims.organizationId()).isEqualTo("org-1");
    assertThat(claims.organizationName()).isEqualTo("acme");
    assertThat(claims.credentialsVersion()).isEqualTo(3);
    assertThat(claims.issuedAt()).isEqualTo(START);
    assertThat(claims.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));
  }

  @Test
  void writesHs256HeaderAndRegisteredClaims() throws Exception {
    // given
    String token = service.issue(SUBJECT).token();

    // when
    JwtContext context = unverified(token);
    JwtClaims claims = context.getJwtClaims();

    // then
    assertThat(context.getJoseObjects().get(0).getAlgorithmHeaderValue()).isEqualTo("HS256");
    assertThat(context.getJoseObjects().get(0).getHeader("typ")).isEqualTo("JWT");
    assertThat(claims.getIssuer()).isEqualTo("croupier");
    assertThat(claims.getSubject()).isEqualTo("admin-1");
    assertThat(claims.getClaimValue("org_id")).isEqualTo("org-1");
    assertThat(claims.getClaimValue("org_name")).isEqualTo("acme");
    assertThat(claims.getClaimValue("cver")).isEqualTo(3L);
    assertThat(claims.getIssuedAt().getValue()).isEqualTo(START.getEpochSecond());
    assertThat(claims.getExpirationTime().getValue()).isEqualTo(START.getEpochSecond() + 3600);
  }

  @Test
  void issuesTokensValidForConfiguredLifetime() {
    // given
    JwtTokenService shortLived =
        new JwtTokenService(
            SigningKey.fromText(SECRET),
            "croupier",
            Duration.ofMinutes(15),
            Duration.ofSeconds(30),
            clock);

    // when
    IssuedToken issued = shortLived.issue(SUBJECT);

    // then
    assertThat(issued.issuedAt()).isEqualTo(START);
    assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
  }

  @Test
  void drawsNewTokenIdForEveryToken() {
    // when
    TokenClaims first = service.verify(service.issue(SUBJECT).token());
    TokenClaims second = service.verify(service.issue(SUBJECT).token());

    // then
    assertThat(first.tokenId()).isNotEqualTo(second.tokenId());
  }

  @Test
  void rejectsTamperedPayload() {
    // given
    String[] parts = service.issue(SUBJECT).token().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace("\"admin-1\"", "\"admin-2\"");
    String encodedForgery =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8));

    // when / then
    assertThat(forged).isNotEqualTo(payload);
    assertRejected(parts[0] + "." + encodedForgery + "." + parts[2]);
  }

  @Test
  void rejectsTamperedSignature() {
    // given
    String token = service.issue(SUBJECT).token();
    int signatureStart = token.lastIndexOf('.') + 1;
    char first = token.charAt(signatureStart);
    String tampered =
        token.substring(0, signatureStart)
            + (first == 'A' ? 'B' : 'A')
            + token.substring(signatureStart + 1);

    // when / then
    assertRejected(tampered);
  }

  @Test
  void rejectsTokenSignedWithOtherSecret() {
    // given
    JwtTokenService other =
        new JwtTokenService(SigningKey.fromText("another-secret-of-32-bytes-or-so"), clock);
    String token = other.issue(SUBJECT).token();

    // when / then
    assertRejected(token);
  }

  @Test
  void acceptsHs256TokenSignedOutsideTheService() {
    // given
    String token = sign(validClaims(), AlgorithmIdentifiers.HMAC_SHA256, secretKey());

    // when
    TokenClaims claims = service.verify(token);

    // then
    assertThat(claims.adminId()).isEqualTo("admin-1");
  }

  @Test
  void rejectsUnsignedToken() {
    // given
    String[] signed = service.issue(SUBJECT).token().split("\\.");
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

    // when / then
    assertRejected(header + "." + signed[1] + ".");
    assertRejected(header + "." + signed[1] + "." + signed[2]);
  }

  @Test
  void rejectsUnsignedTokenBuiltByJose4j() throws Exception {
    // given
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setPayload(validClaims().toJson());

    // when / then
    assertRejected(jws.getCompactSerialization());
  }

  @ParameterizedTest
  @ValueSource(strings = {AlgorithmIdentifiers.HMAC_SHA384, AlgorithmIdentifiers.HMAC_SHA512})
  void rejectsOtherHmacAlgorithmWithSameSecret(String algorithm) {
    // given
    String token = sign(validClaims(), algorithm, secretKey());

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsRs256Token() throws Exception {
    // given
    RsaJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
    String token = sign(validClaims(), AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivateKey());

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsJweTokenEncryptedWithSameSecret() throws Exception {
    // given
    JsonWebEncryption jwe = new JsonWebEncryption();
    jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
    jwe.setEncryptionMethodHeaderParameter(
        ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
    jwe.setKey(new AesKey(SECRET.getBytes(StandardCharsets.UTF_8)));
    jwe.setPayload(validClaims().toJson());

    // when
    String token = jwe.getCompactSerialization();

    // then
    assertThat(token.split("\\.")).hasSize(5);
    assertRejected(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exp", "iat", "sub", "org_id", "jti", "cver", "iss"})
  void rejectsTokenWithoutRequiredClaim(String claim) {
    // given
    JwtClaims claims = validClaims();
    claims.unsetClaim(claim);

    // when / then
    assertRejected(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sub", "org_id", "jti"})
  void rejectsTokenWithEmptyIdentifier(String claim) {
    // given
    JwtClaims claims = validClaims();
    claims.setClaim(claim, "");

    // when / then
    assertRejected(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));
  }

  @Test
  void rejectsCredentialsVersionThatIsNotNumber() {
    // given
    JwtClaims claims = validClaims();
    claims.setClaim("cver", "3");

    // when / then
    assertRejected(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));
  }

  @Test
  void acceptsTokenWithoutOrganizationName() {
    // given
    JwtClaims claims = validClaims();
    claims.unsetClaim("org_name");

    // when
    TokenClaims verified =
        service.verify(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));

    // then
    assertThat(verified.organizationName()).isNull();
  }

  @Test
  void rejectsTokenOfOtherIssuer() {
    // given
    JwtClaims claims = validClaims();
    claims.setIssuer("someone-else");

    // when / then
    assertRejected(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));
  }

  @Test
  void checksConfiguredIssuer() {
    // given
    JwtTokenService custom =
        new JwtTokenService(
            SigningKey.fromText(SECRET),
            "croupier-staging",
            JwtTokenService.DEFAULT_LIFETIME,
            JwtTokenService.MAX_CLOCK_SKEW,
            clock);
    String ownToken = custom.issue(SUBJECT).token();
    String defaultIssuerToken = service.issue(SUBJECT).token();

    // when / then
    assertThat(custom.verify(ownToken).adminId()).isEqualTo("admin-1");
    assertThatThrownBy(() -> custom.verify(defaultIssuerToken)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void acceptsTokenExpiredTwentyNineSecondsAgo() {
    // given
    String token = service.issue(SUBJECT).token();
    clock.advance(Duration.ofMinutes(60).plusSeconds(29));

    // when / then
    assertThatCode(() -> service.verify(token)).doesNotThrowAnyException();
  }

  @Test
  void rejectsTokenExpiredThirtyOneSecondsAgo() {
    // given
    String token = service.issue(SUBJECT).token();
    clock.advance(Duration.ofMinutes(60).plusSeconds(31));

    // when / then
    assertRejected(token);
  }

  @Test
  void appliesSmallerConfiguredClockSkew() {
    // given
    JwtTokenService strict =
        new JwtTokenService(
            SigningKey.fromText(SECRET),
            "croupier",
            Duration.ofMinutes(60),
            Duration.ofSeconds(5),
            clock);
    String token = strict.issue(SUBJECT).token();

    // when
    clock.advance(Duration.ofMinutes(60).plusSeconds(4));
    TokenClaims withinSkew = strict.verify(token);
    clock.advance(Duration.ofSeconds(2));

    // then
    assertThat(withinSkew.adminId()).isEqualTo("admin-1");
    assertThatThrownBy(() -> strict.verify(token)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void acceptsTokenIssuedTwentyNineSecondsInFuture() {
    // given
    JwtClaims claims = validClaims();
    claims.setIssuedAt(NumericDate.fromSeconds(START.getEpochSecond() + 29));
    String token = sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey());

    // when / then
    assertThatCode(() -> service.verify(token)).doesNotThrowAnyException();
  }

  @Test
  void rejectsTokenIssuedThirtyOneSecondsInFuture() {
    // given
    JwtClaims claims = validClaims();
    claims.setIssuedAt(NumericDate.fromSeconds(START.getEpochSecond() + 31));

    // when / then
    assertRejected(sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secretKey()));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void rejectsGarbage(String garbage) {
    assertRejected(garbage);
  }

  static Stream<String> garbage() {
    return Stream.of(
        "",
        " ",
        "garbage",
        "a.b",
        "a.b.c",
        "a.b.c.d",
        "...",
        "\u0000.\u0000.\u0000",
        "eyJhbGciOiJIUzI1NiJ9.e30.",
        "x".repeat(5000) + ".y.z");
  }

  @Test
  void rejectsNullToken() {
    assertRejected(null);
  }

  @Test
  void rejectsTokenWithExtraSegments() {
    // given
    String token = service.issue(SUBJECT).token();

    // when / then
    assertRejected(token + ".");
    assertRejected(token + ".e30");
    assertRejected(token + ".e30.e30");
    assertRejected("Bearer " + token);
  }

  @Test
  void logsReasonButNotToken() {
    // given
    String token = service.issue(SUBJECT).token();
    clock.advance(Duration.ofHours(2));

    // when
    try (LogCapture log = LogCapture.of(JwtTokenService.class)) {
      assertRejected(token);

      // then
      assertThat(log.messages(Level.DEBUG)).containsExactly("Rejected an access token: expired");
    }
  }

  @Test
  void rejectsClockSkewOfThirtyOneSeconds() {
    assertThatThrownBy(() -> withSkew(Duration.ofSeconds(31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT31S");
  }

  @Test
  void acceptsClockSkewOfThirtySeconds() {
    assertThatCode(() -> withSkew(Duration.ofSeconds(30))).doesNotThrowAnyException();
  }

  @Test
  void rejectsNegativeClockSkew() {
    assertThatThrownBy(() -> withSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsZeroClockSkew() {
    assertThatCode(() -> withSkew(Duration.ZERO)).doesNotThrowAnyException();
  }

  @Test
  void rejectsLifetimeBelowOneSecond() {
    assertThatThrownBy(() -> withLifetime(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0.999S");
  }

  @Test
  void acceptsLifetimeOfOneSecond() {
    assertThat(withLifetime(Duration.ofSeconds(1)).lifetime()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsBlankIssuer() {
    assertThatThrownBy(
            () ->
                new JwtTokenService(
                    SigningKey.fromText(SECRET),
                    " ",
                    JwtTokenService.DEFAULT_LIFETIME,
                    JwtTokenService.MAX_CLOCK_SKEW,
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer");
  }

  private void assertRejected(String token) {
    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(InvalidToken.class)
        .hasMessage(new InvalidToken().getMessage());
  }

  private JwtTokenService withSkew(Duration skew) {
    return new JwtTokenService(
        SigningKey.fromText(SECRET), "croupier", JwtTokenService.DEFAULT_LIFETIME, skew, clock);
  }

  private JwtTokenService withLifetime(Duration lifetime) {
    return new JwtTokenService(
        SigningKey.fromText(SECRET), "croupier", lifetime, JwtTokenService.MAX_CLOCK_SKEW, clock);
  }

  /** Returns the claims the service itself would issue for {@link #SUBJECT} at {@link #START}. */
  private static JwtClaims validClaims() {
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

  private static Key secretKey() {
    return new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs without jose4j's key-length checks, so a 32-byte secret can sign HS384 and HS512. */
  private static String sign(JwtClaims claims, String algorithm, Key key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static JwtContext unverified(String token) throws Exception {
    return new JwtConsumerBuilder()
        .setSkipAllValidators()
        .setDisableRequireSignature()
        .setSkipSignatureVerification()
        .build()
        .process(token);
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
