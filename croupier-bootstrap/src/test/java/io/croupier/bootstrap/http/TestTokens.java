package io.croupier.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.adapter.out.security.JwtTokenService;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.OrganizationName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens that the server must reject, made from the claims of a tenant's real token. */
final class TestTokens {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private TestTokens() {}

  /** Decodes the header (index 0) or the payload (index 1) of a compact JWT. */
  static JsonNode decodePart(String token, int index) {
    String part = token.split("\\.", -1)[index];
    try {
      return JSON.readTree(DECODER.decode(part));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * Issues a token for the tenant through the application's own token service, signed with {@code
   * secret}, with a 60-minute lifetime counted from {@code issuedAt}.
   */
  static String issue(Tenant tenant, String secret, Instant issuedAt) {
    JsonNode claims = decodePart(tenant.token(), 1);
    JwtTokenService service =
        new JwtTokenService(
            SigningKey.fromText(secret),
            JwtTokenService.DEFAULT_ISSUER,
            Duration.ofMinutes(60),
            JwtTokenService.MAX_CLOCK_SKEW,
            Clock.fixed(issuedAt, ZoneOffset.UTC));
    TokenSubject subject =
        new TokenSubject(
            claims.get("sub").asText(),
            claims.get("org_id").asText(),
            OrganizationName.of(claims.get("org_name").asText()),
            claims.get("cver").asLong());
    return service.issue(subject).token();
  }

  /** Returns a token with the server's secret that expired {@code ago} before now. */
  static String expiredFor(Tenant tenant, Duration ago) {
    Instant issuedAt = Instant.now().minus(Duration.ofMinutes(60)).minus(ago);
    return issue(tenant, CroupierTestServer.JWT_SECRET, issuedAt);
  }

  /** Returns a valid-looking token signed with another secret. */
  static String signedWithAnotherSecret(Tenant tenant) {
    return issue(tenant, "another-secret-that-is-long-enough-0123456789", Instant.now());
  }

  /** Returns the tenant's claims under {@code alg: none} with an empty signature. */
  static String unsigned(Tenant tenant) {
    return encode(header("none")) + "." + tenant.token().split("\\.")[1] + ".";
  }

  /** Returns the tenant's token with its header changed to {@code alg: none}. */
  static String unsignedKeepingSignature(Tenant tenant) {
    String[] parts = tenant.token().split("\\.");
    return encode(header("none")) + "." + parts[1] + "." + parts[2];
  }

  /**
   * Returns the tenant's claims signed with HS256 and {@code secret}, under a header that names
   * {@code keyId}, which may be the id of another key.
   */
  static String signedWithKeyId(Tenant tenant, String secret, String keyId) {
    ObjectNode header = header("HS256").put("kid", keyId);
    String signingInput = encode(header) + "." + tenant.token().split("\\.")[1];
    return signingInput + "." + hmac("HmacSHA256", secret, signingInput);
  }

  /** Returns the tenant's claims signed with HS512 and the server's own secret. */
  static String hs512(Tenant tenant) {
    String signingInput = encode(header("HS512")) + "." + tenant.token().split("\\.")[1];
    return signingInput + "." + hmac("HmacSHA512", CroupierTestServer.JWT_SECRET, signingInput);
  }

  /** Returns the tenant's token with {@code org_id} changed and the original signature. */
  static String tamperedOrganization(Tenant tenant, String organizationId) {
    String[] parts = tenant.token().split("\\.");
    ObjectNode claims = (ObjectNode) decodePart(tenant.token(), 1);
    claims.put("org_id", organizationId);
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  private static ObjectNode header(String algorithm) {
    return JSON.createObjectNode().put("alg", algorithm).put("typ", "JWT");
  }

  private static String encode(JsonNode json) {
    return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String hmac(String algorithm, String secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      byte[] key = secret.getBytes(StandardCharsets.UTF_8);
      mac.init(new SecretKeySpec(key, algorithm));
      return ENCODER.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException(algorithm + " is not available in this JDK", unavailable);
    }
  }
}
