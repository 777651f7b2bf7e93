package io.croupier.adapter.in.http;

import io.croupier.application.port.in.RequestOrigin;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Origin of a request for the use cases: its client address and its request id. The client address
 * is the TCP peer's, unless the peer is a trusted proxy: then the {@code X-Forwarded-For} header is
 * read from its right end, each trusted proxy is skipped, and the first address that is not a
 * trusted proxy is the client. An entry that is not an IP address ends that walk.
 */
@Singleton
public final class RequestOrigins {

  /** Header that proxies append the address of their own client to. */
  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final TrustedProxies trustedProxies;

  public RequestOrigins(TrustedProxies trustedProxies) {
    this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /** Returns the origin of the request. */
  public RequestOrigin of(HttpRequest<?> request) {
    return new RequestOrigin(clientAddress(request), RequestIds.of(request));
  }

  // NOTE: the standard Forwarded header (RFC 7239) is not read; a proxy in front of Croupier must
  // send X-Forwarded-For.
  private String clientAddress(HttpRequest<?> request) {
    InetSocketAddress peer = request.getRemoteAddress();
    if (peer == null) {
      return null;
    }
    InetAddress client = peer.getAddress();
    if (client == null) {
      return peer.getHostString();
    }

    List<String> hops = forwardedHops(request);
    for (int index = hops.size() - 1; index >= 0 && trustedProxies.contains(client); index--) {
      Optional<InetAddress> hop = TrustedProxies.parseLiteral(hops.get(index));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
    }
    return client.getHostAddress();
  }

  /** Returns every address of every X-Forwarded-For header, in the order the proxies added them. */
  private static List<String> forwardedHops(HttpRequest<?> request) {
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getAll(FORWARDED_FOR)) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    return hops;
  }
}
