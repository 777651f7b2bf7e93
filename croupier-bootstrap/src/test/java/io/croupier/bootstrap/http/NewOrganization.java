package io.croupier.bootstrap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid input for {@code POST /org/create}: a normalized name, an email and a password that no
 * other organization of the test run uses.
 */
record NewOrganization(String name, String email, String password) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** Returns a new organization with a unique name, email and password. */
  static NewOrganization unique() {
    String name = uniqueName();
    return new NewOrganization(name, "admin." + name + "@example.com", uniquePassword());
  }

  /** Returns a valid name of about 12 characters that no other call returns. */
  static String uniqueName() {
    return "t" + randomText(6) + "_" + COUNTER.incrementAndGet();
  }

  /**
   * Returns a valid name of exactly {@code length} characters that no other call returns; a length
   * of 3 allows 1296 calls per test run.
   */
  static String uniqueName(int length) {
    String unique = uniqueName();
    if (length >= unique.length()) {
      return unique + "n".repeat(length - unique.length());
    }
    String code = Integer.toString(COUNTER.incrementAndGet(), 36);
    return "s" + "0".repeat(Math.max(0, length - 1 - code.length())) + code;
  }

  /** Returns a valid email address of exactly {@code length} characters, for lengths over 40. */
  static String uniqueEmail(int length) {
    String domain = "@example.com";
    String local = "mail." + uniqueName();
    return local + "x".repeat(length - local.length() - domain.length()) + domain;
  }

  /** Returns a password that meets the policy, with 10 random characters in it. */
  static String uniquePassword() {
    return "Pw" + randomText(10) + "7x";
  }

  /** Returns lower-case letters and digits of the given length. */
  static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  NewOrganization withName(String newName) {
    return new NewOrganization(newName, email, password);
  }

  NewOrganization withEmail(String newEmail) {
    return new NewOrganization(name, newEmail, password);
  }

  NewOrganization withPassword(String newPassword) {
    return new NewOrganization(name, email, newPassword);
  }

  /** Returns the create request body as a JSON object that tests may change further. */
  ObjectNode jsonObject() {
    return JSON.createObjectNode()
        .put("organization_name", name)
        .put("email", email)
        .put("password", password);
  }

  /** Returns the create request body. */
  String json() {
    return jsonObject().toString();
  }

  @Override
  public String toString() {
    return "NewOrganization[name=" + name + ", email=" + email + "]";
  }
}
