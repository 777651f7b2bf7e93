package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.0.0.0",
    "10.0.0.0/8, 10.255.255.255",
    "192.168.1.0/24, 192.168.1.77",
    "203.0.113.5, 203.0.113.5",
    "203.0.113.5/32, 203.0.113.5",
    "0.0.0.0/0, 198.51.100.1",
    "fd00::/8, fd12:3456::1",
    "::1, 0:0:0:0:0:0:0:1"
  })
  void containsAddressInBlock(String list, String candidate) throws UnknownHostException {
    assertThat(TrustedProxies.parse(list).contains(address(candidate))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 11.0.0.0",
    "10.0.0.0/8, 9.255.255.255",
    "192.168.1.0/24, 192.168.2.1",
    "203.0.113.5, 203.0.113.6",
    "fd00::/8, fe80::1",
    "10.0.0.0/8, ::1"
  })
  void excludesAddressOutsideBlock(String list, String candidate) throws UnknownHostException {
    assertThat(TrustedProxies.parse(list).contains(address(candidate))).isFalse();
  }

  @Test
  void readsCommaSeparatedList() throws UnknownHostException {
    // when
    TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8 , ,127.0.0.1 ");

    // then
    assertThat(proxies.contains(address("10.1.2.3"))).isTrue();
    assertThat(proxies.contains(address("127.0.0.1"))).isTrue();
    assertThat(proxies.contains(address("127.0.0.2"))).isFalse();
  }

  @Test
  void blankListTrustsNobody() throws UnknownHostException {
    // when
    TrustedProxies proxies = TrustedProxies.parse("  ");

    // then
    assertThat(proxies.isEmpty()).isTrue();
    assertThat(proxies.contains(address("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.example.com",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/eight",
        "256.1.1.1",
        "1.2.3",
        "fd00::/129",
        "localhost"
      })
  void rejectsEntryThatIsNoAddressOrBlock(String entry) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.parse("127.0.0.1," + entry))
        .withMessageContaining("CROUPIER_TRUSTED_PROXIES")
        .withMessageContaining("'" + entry + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"client.example.com", "1.2.3.4:8080", "999.1.1.1", "", "unknown", ".:"})
  void literalParserRejectsEverythingButAddresses(String text) {
    assertThat(TrustedProxies.parseLiteral(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "203.0.113.9, 203.0.113.9",
    " 10.0.0.1 , 10.0.0.1",
    "2001:db8::1, 2001:db8:0:0:0:0:0:1"
  })
  void literalParserReadsAddresses(String text, String expected) {
    assertThat(TrustedProxies.parseLiteral(text).orElseThrow().getHostAddress())
        .isEqualTo(expected);
  }
}
