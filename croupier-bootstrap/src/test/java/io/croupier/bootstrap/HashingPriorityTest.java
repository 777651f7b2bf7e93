package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HashingPriorityTest {

  private static String describe(Map<String, String> options) {
    return HashingPriority.describe("Linux", name -> Optional.ofNullable(options.get(name)));
  }

  @Test
  void bothOptionsNameNiceValue() {
    // when
    String sentence =
        describe(Map.of("ThreadPriorityPolicy", "1", "JavaPriority1_To_OSPriority", "19"));

    // then
    assertThat(sentence).isEqualTo("Password hashing threads run at nice 19");
  }

  @Test
  void policyAloneNamesJvmDefault() {
    // when
    String sentence =
        describe(Map.of("ThreadPriorityPolicy", "1", "JavaPriority1_To_OSPriority", "-1"));

    // then
    assertThat(sentence)
        .isEqualTo(
            "Password hashing threads run at the nice value the JVM gives the lowest Java"
                + " priority");
  }

  @Test
  void defaultPolicyMeansNormalPriority() {
    // when
    String sentence =
        describe(Map.of("ThreadPriorityPolicy", "0", "JavaPriority1_To_OSPriority", "19"));

    // then
    assertThat(sentence)
        .endsWith("start Java with " + HashingPriority.JAVA_OPTIONS + " to lower it");
  }

  @Test
  void unknownOptionsMeanNormalPriority() {
    // when
    String sentence = describe(Map.of());

    // then
    assertThat(sentence).startsWith("Password hashing threads run at normal priority");
  }

  @Test
  void otherSystemsNameOnlyJavaPriority() {
    // when
    String sentence =
        HashingPriority.describe(
            "Mac OS X", name -> Optional.of(name.equals("ThreadPriorityPolicy") ? "1" : "19"));

    // then
    assertThat(sentence).isEqualTo("Password hashing threads run at the lowest Java priority");
  }

  @Test
  void testJvmRunsWithoutPriorityOptions() {
    // when
    String sentence = HashingPriority.describe();

    // then
    assertThat(sentence).startsWith("Password hashing threads run at normal priority");
  }
}
