package io.croupier.adapter.in.http;

import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: the client's {@code X-Request-ID} when it is a plain token of at most 128
 * characters, otherwise a new random UUID. The id is kept as a request attribute so that the
 * response header, the problem body and the log line all carry the same one.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-ID";

  private static final String ATTRIBUTE = "croupier.request-id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** Returns the request's id, assigning one on first use. */
  public static String of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, String.class)
        .orElseGet(
            () -> {
              String offered = request.getHeaders().get(HEADER);
              String id =
                  offered != null && ACCEPTED.matcher(offered).matches()
                      ? offered
                      : UUID.randomUUID().toString();
              request.setAttribute(ATTRIBUTE, id);
              return id;
            });
  }
}
