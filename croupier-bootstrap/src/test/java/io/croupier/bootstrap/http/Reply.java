package io.croupier.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP response as the test client received it, with the request id the test sent. */
record Reply(
    String method,
    String path,
    String sentRequestId,
    int status,
    Map<String, List<String>> headers,
    String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Returns the first value of the header, matched without regard to case. */
  Optional<String> header(String name) {
    return allHeaders(name).stream().findFirst();
  }

  /** Returns every value of the header, matched without regard to case. */
  List<String> allHeaders(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .toList();
  }

  /** Parses the body as JSON; fails the test if it is not JSON. */
  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      throw new AssertionError(
          "Expected a JSON body from " + method + " " + path + " but got: " + body, notJson);
    }
  }

  /** Returns the text of a top-level JSON field; fails the test if it is missing. */
  String text(String field) {
    JsonNode value = json().get(field);
    if (value == null || !value.isTextual()) {
      throw new AssertionError("Expected text field '" + field + "' in: " + body);
    }
    return value.asText();
  }

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " " + body;
  }
}
