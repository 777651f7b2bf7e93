package io.croupier.adapter.out.security;

import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.application.port.out.TokenVerifier;
import io.croupier.domain.InvalidToken;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies HS256 JWT access tokens with jose4j. A token carries {@code iss}, {@code sub}
 * (admin id), {@code org_id}, {@code org_name}, {@code iat}, {@code exp}, {@code jti}, {@code cver}
 * (credentials version) and, for a token of a session, {@code sid} (session id).
 *
 * <p>Tokens are signed with the current key and name it in their {@code kid} header (see {@link
 * SigningKey#keyId()}). Verification accepts only compact HS256 JWS tokens and picks the key by
 * {@code kid} among the current key and the previous keys held in memory, so that tokens signed
 * before a key rotation stay valid until they expire. The {@code kid} is only ever compared with
 * those ids. A token with an unknown {@code kid} is rejected, and a token without one is checked
 * against the current key only. Every rejection is an {@link InvalidToken}.
 */
public final class JwtTokenService implements TokenIssuer, TokenVerifier {

  /** Value of the {@code iss} claim when no issuer is configured. */
  public static final String DEFAULT_ISSUER = "croupier";

  /** Token lifetime when none is configured. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

  /** Maximum allowed difference between the clocks of the issuing and the verifying instance. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

  static final String ORGANIZATION_ID_CLAIM = "org_id";
  static final String ORGANIZATION_NAME_CLAIM = "org_name";
  static final String CREDENTIALS_VERSION_CLAIM = "cver";
  static final String SESSION_ID_CLAIM = "sid";

  /** Upper bound on the token length, far above the size of a token this service issues. */
  private static final int MAX_TOKEN_CHARS = 4096;

  /**
   * Compact JWS: three non-empty base64url segments. A JWE has five segments, and an unsigned token
   * has an empty third one.
   */
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private static final Logger LOG = LoggerFactory.getLogger(JwtTokenService.class);

  private final HmacKey currentKey;
  private final String currentKeyId;
  private final Map<String, HmacKey> keysById;
  private final String issuer;
  private final Duration lifetime;
  private final int clockSkewSeconds;
  private final Clock clock;

  /** Creates a service with the default issuer, a 60-minute lifetime and 30 seconds of skew. */
  public JwtTokenService(SigningKey key, Clock clock) {
    this(key, DEFAULT_ISSUER, DEFAULT_LIFETIME, MAX_CLOCK_SKEW, clock);
  }

  /**
   * Creates a service that signs and verifies with one key only; see the six-argument constructor.
   */
  public JwtTokenService(
      SigningKey key, String issuer, Duration lifetime, Duration clockSkew, Clock clock) {
    this(key, List.of(), issuer, lifetime, clockSkew, clock);
  }

  /**
   * Creates a service that signs with the current key and also verifies tokens signed with any of
   * the previous keys. A previous key equal to the current key, or to another previous key, is
   * ignored.
   *
   * @throws IllegalArgumentException if the issuer is blank, the lifetime is not a positive whole
   *     number of seconds, or the clock skew is not 0 to 30 whole seconds
   */
  public JwtTokenService(
      SigningKey currentKey,
      List<SigningKey> previousKeys,
      String issuer,
      Duration lifetime,
      Duration clockSkew,
      Clock clock) {
    Objects.requireNonNull(currentKey, "currentKey");
    Objects.requireNonNull(previousKeys, "previousKeys");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("JWT issuer is blank; set a name such as croupier");
    }
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.getNano() != 0) {
      throw new IllegalArgumentException(
          "Token lifetime " + lifetime + " is invalid; use a whole number of seconds, at least 1");
    }
    if (clockSkew.isNegative()
        || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0
        || clockSkew.getNano() != 0) {
      throw new IllegalArgumentException(
          "Clock skew " + clockSkew + " is invalid; use 0 to 30 whole seconds");
    }

    this.currentKey = new HmacKey(currentKey.bytes());
    this.currentKeyId = currentKey.keyId();
    this.keysById = keysById(currentKey, previousKeys);
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clockSkewSeconds = (int) clockSkew.getSeconds();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns how long an issued token stays valid. */
  @Override
  public Duration lifetime() {
    return lifetime;
  }

  /** Returns the key id that new tokens carry in their {@code kid} header. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Returns the ids of every key that verification accepts, the current key's first. */
  public List<String> acceptedKeyIds() {
    return List.copyOf(keysById.keySet());
  }

  private static Map<String, HmacKey> keysById(SigningKey current, List<SigningKey> previous) {
    Map<String, HmacKey> keys = new LinkedHashMap<>();
    keys.put(current.keyId(), new HmacKey(current.bytes()));
    for (SigningKey key : previous) {
      keys.putIfAbsent(
          Objects.requireNonNull(key, "previous key").keyId(), new HmacKey(key.bytes()));
    }
    return Collections.unmodifiableMap(keys);
  }

  @Override
  public IssuedToken issue(TokenSubject subject) {
    Objects.requireNonNull(subject, "subject");
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(lifetime);

    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setSubject(subject.adminId());
    claims.setClaim(ORGANIZATION_ID_CLAIM, subject.organizationId());
    claims.setClaim(ORGANIZATION_NAME_CLAIM, subject.organizationName().value());
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setClaim(CREDENTIALS_VERSION_CLAIM, subject.credentialsVersion());
    if (subject.sessionId() != null) {
      claims.setClaim(SESSION_ID_CLAIM, subject.sessionId());
    }

    return new IssuedToken(sign(claims), issuedAt, expiresAt);
  }

  @Override
  public TokenClaims verify(String token) {
    if (token == null
        || token.length() > MAX_TOKEN_CHARS
        || !COMPACT_JWS.matcher(token).matches()) {
      throw rejected("not a compact JWS");
    }

    JwtClaims claims;
    try {
      claims = consumerAt(clock.instant()).processToClaims(token);
    } catch (InvalidJwtException invalid) {
      throw rejected(reasonCategory(invalid));
    }

    try {
      return toTokenClaims(claims);
    } catch (MalformedClaimException malformed) {
      throw rejected("claim of the wrong type");
    }
  }

  private String sign(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader(HeaderParameterNames.TYPE, "JWT");
    jws.setKeyIdHeaderValue(currentKeyId);
    jws.setPayload(claims.toJson());
    jws.setKey(currentKey);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException failure) {
      // Signing fails only if the JCA provider lacks HmacSHA256, because SigningKey ensures the
      // key length that jose4j checks.
      throw new IllegalStateException("Signing an access token with HS256 failed", failure);
    }
  }

  /**
   * Builds a consumer that checks every rule at the given time. jose4j fixes the evaluation time
   * when the consumer is built, so every verification builds its own.
   */
  private JwtConsumer consumerAt(Instant now) {
    return new JwtConsumerBuilder()
        .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
        .setAllowedClockSkewInSeconds(clockSkewSeconds)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setIssuedAtRestrictions(0, Integer.MAX_VALUE)
        .setExpectedIssuer(true, issuer)
        .setRequireSubject()
        .setRequireJwtId()
        .setVerificationKeyResolver(this::verificationKey)
        .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
        // An empty permit list allows no JWE algorithm at all.
        .setJweAlgorithmConstraints(ConstraintType.PERMIT)
        .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT)
        .build();
  }

  /**
   * Returns the key named by the token's {@code kid} header, or the current key for a token without
   * one. The id is looked up in the in-memory map only.
   *
   * @throws UnresolvableKeyException if the {@code kid} is not a string or names no known key
   */
  private Key verificationKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
      throws UnresolvableKeyException {
    Object keyId = jws.getHeaders().getObjectHeaderValue(HeaderParameterNames.KEY_ID);
    if (keyId == null) {
      return currentKey;
    }
    HmacKey key = keyId instanceof String text ? keysById.get(text) : null;
    if (key == null) {
      throw new UnresolvableKeyException("The token names an unknown signing key");
    }
    return key;
  }

  private static TokenClaims toTokenClaims(JwtClaims claims) throws MalformedClaimException {
    String adminId = claims.getSubject();
    String organizationId = claims.getStringClaimValue(ORGANIZATION_ID_CLAIM);
    String organizationName = claims.getStringClaimValue(ORGANIZATION_NAME_CLAIM);
    String tokenId = claims.getJwtId();
    Long credentialsVersion = claims.getClaimValue(CREDENTIALS_VERSION_CLAIM, Long.class);
    String sessionId = claims.getStringClaimValue(SESSION_ID_CLAIM);
    if (isBlank(adminId)
        || isBlank(organizationId)
        || isBlank(tokenId)
        || credentialsVersion == null) {
      throw rejected("missing claim");
    }
    if (sessionId != null && sessionId.isBlank()) {
      throw rejected("blank session id");
    }

    return new TokenClaims(
        tokenId,
        adminId,
        organizationId,
        organizationName,
        credentialsVersion,
        Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
        Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
        sessionId);
  }

  /** Names the kind of check that failed, never a claim value or the token itself. */
  private static String reasonCategory(InvalidJwtException invalid) {
    if (invalid.hasExpired()) {
      return "expired";
    }
    if (invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
      return "issued in the future";
    }
    if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return "signature mismatch";
    }
    if (invalid.getCause() instanceof UnresolvableKeyException) {
      return "unknown key id";
    }
    if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return "wrong or missing issuer";
    }
    if (invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
        || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
        || invalid.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
        || invalid.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
      return "missing claim";
    }
    return "malformed token or disallowed algorithm";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static InvalidToken rejected(String reasonCategory) {
    LOG.debug("Rejected an access token: {}", reasonCategory);
    return new InvalidToken();
  }
}
