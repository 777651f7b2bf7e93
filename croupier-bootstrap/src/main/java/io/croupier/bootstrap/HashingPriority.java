package io.croupier.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells whether this JVM runs password hashing below the priority of other work. The hashing
 * threads run at the lowest Java priority, and HotSpot passes that on to Linux only with {@link
 * #JAVA_OPTIONS}, which the {@code croupier} launcher sets for {@code serve} on Linux.
 */
final class HashingPriority {

  /** JVM options that run the lowest Java priority at nice 19 on Linux. */
  static final String JAVA_OPTIONS =
      "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19";

  private HashingPriority() {}

  /** Returns the start-up log sentence that names the priority of the hashing threads. */
  static String describe() {
    return describe(System.getProperty("os.name", ""), HashingPriority::vmOption);
  }

  /**
   * Returns the sentence for the operating system's name and the VM options read from the function,
   * which returns empty for an unknown option. Only on Linux do the options map the lowest Java
   * priority to a nice value.
   */
  static String describe(String osName, Function<String, Optional<String>> vmOptions) {
    if (!osName.equals("Linux")) {
      return "Password hashing threads run at the lowest Java priority";
    }
    boolean passedOn = vmOptions.apply("ThreadPriorityPolicy").filter("1"::equals).isPresent();
    Optional<String> nice = vmOptions.apply("JavaPriority1_To_OSPriority");
    if (passedOn && nice.filter(value -> !value.equals("-1")).isPresent()) {
      return "Password hashing threads run at nice " + nice.get();
    }
    if (passedOn) {
      return "Password hashing threads run at the nice value the JVM gives the lowest Java priority";
    }
    return "Password hashing threads run at normal priority, so a login flood slows other requests;"
        + " start Java with "
        + JAVA_OPTIONS
        + " to lower it";
  }

  private static Optional<String> vmOption(String name) {
    try {
      HotSpotDiagnosticMXBean diagnostics =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return diagnostics == null
          ? Optional.empty()
          : Optional.of(diagnostics.getVMOption(name).getValue());
    } catch (IllegalArgumentException unknownOption) {
      return Optional.empty();
    }
  }
}
