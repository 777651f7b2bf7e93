package io.croupier.adapter.in.http;

import io.croupier.domain.InvalidToken;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

/** Reads the bearer token of the {@code Authorization} header. */
final class BearerTokens {

  private static final String SCHEME = "bearer ";

  private BearerTokens() {}

  /**
   * Returns the token, or empty when the request has no {@code Authorization} header.
   *
   * @throws InvalidToken if the header is present but is not a bearer token
   */
  static Optional<String> of(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return Optional.empty();
    }
    if (header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw new InvalidToken();
    }
    return Optional.of(header.substring(SCHEME.length()).strip());
  }

  /**
   * Returns the token of a request that must carry one.
   *
   * @throws InvalidToken if the header is missing or is not a bearer token
   */
  static String required(HttpRequest<?> request) {
    return of(request).orElseThrow(InvalidToken::new);
  }
}
