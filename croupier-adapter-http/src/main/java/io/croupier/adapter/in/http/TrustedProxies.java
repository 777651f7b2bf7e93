package io.croupier.adapter.in.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses of the reverse proxies whose {@code X-Forwarded-For} header is believed: single IP
 * addresses and CIDR blocks such as {@code 10.0.0.0/8} or {@code fd00::/8}. With none, the client
 * address of a request is always its TCP peer.
 */
public final class TrustedProxies {

  /** Setting that lists the trusted proxies, separated by commas. */
  public static final String SETTING = "CROUPIER_TRUSTED_PROXIES";

  private static final TrustedProxies NONE = new TrustedProxies(List.of());
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Returns the list that trusts no proxy. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Parses a comma-separated list of IP addresses and CIDR blocks; blank entries are skipped. Host
   * names are rejected, so that parsing never queries DNS.
   *
   * @throws IllegalArgumentException naming {@value #SETTING} and the entry if an entry is neither
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty()) {
        blocks.add(Block.parse(trimmed));
      }
    }
    return new TrustedProxies(blocks);
  }

  /** Returns whether the address lies in one of the listed blocks. */
  public boolean contains(InetAddress address) {
    Objects.requireNonNull(address, "address");
    return blocks.stream().anyMatch(block -> block.contains(address));
  }

  /** Returns whether no proxy is trusted. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * Returns the IP address that the text is a literal of, or empty for anything else, such as a
   * host name, a port suffix or garbage. Never queries DNS: an IPv4 address is built from its four
   * numbers, and the JDK parses a text that starts with a hex digit or a colon and contains a colon
   * as an IPv6 literal only.
   */
  static Optional<InetAddress> parseLiteral(String text) {
    String candidate = text.strip();
    try {
      if (IPV4.matcher(candidate).matches()) {
        return ipv4(candidate);
      }
      if (IPV6.matcher(candidate).matches()) {
        return Optional.of(InetAddress.getByName(candidate));
      }
    } catch (UnknownHostException | IllegalArgumentException invalid) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> ipv4(String dotted) throws UnknownHostException {
    String[] parts = dotted.split("\\.");
    byte[] bytes = new byte[4];
    for (int index = 0; index < 4; index++) {
      int value = Integer.parseInt(parts[index]);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[index] = (byte) value;
    }
    return Optional.of(InetAddress.getByAddress(bytes));
  }

  @Override
  public String toString() {
    return "TrustedProxies" + blocks;
  }

  /** One address block: the network's address bytes and the number of leading bits that count. */
  private record Block(byte[] network, int prefixLength, String text) {

    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      InetAddress parsed = parseLiteral(address).orElseThrow(() -> invalid(entry));
      int maxBits = parsed.getAddress().length * 8;
      int prefix = maxBits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException notANumber) {
          throw invalid(entry);
        }
      }
      if (prefix < 0 || prefix > maxBits) {
        throw invalid(entry);
      }
      return new Block(parsed.getAddress(), prefix, entry);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefixLength; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    private static IllegalArgumentException invalid(String entry) {
      return new IllegalArgumentException(
          SETTING
              + " entry '"
              + entry
              + "' is invalid; list IP addresses such as 10.0.0.5 or CIDR blocks such as"
              + " 10.0.0.0/8, separated by commas");
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Block block && block.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }
}
