package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.server.exceptions.ServerStartupException;
import java.net.BindException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ServeCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "65536", "70000"})
  void rejectsPortOutOfRange(String port) {
    // given
    AtomicReference<Exception> failure = new AtomicReference<>();
    CommandLine command = new CommandLine(new ServeCommand());
    command.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          failure.set(exception);
          return 2;
        });

    // when
    int exitCode = command.execute("--port", port);

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(failure.get())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port '" + port + "' is invalid; give a port number from 1 to 65535.");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 65535})
  void acceptsPortAtEachEnd(int port) {
    // given
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", Integer.toString(port));

    // when
    Exception failure = null;
    try {
      serve.checkPort();
    } catch (IllegalArgumentException invalid) {
      failure = invalid;
    }

    // then
    assertThat(failure).isNull();
  }

  @Test
  void reportsPortInUseInOneSentence() {
    // given
    RuntimeException startup =
        new ServerStartupException(
            "Unable to start Micronaut server on *:8000",
            new BindException("Address already in use"));

    // when
    RuntimeException reported = ServeCommand.startupFailure(startup);

    // then
    assertThat(reported).isInstanceOf(IllegalArgumentException.class);
    assertThat(reported.getMessage())
        .startsWith("The server could not listen on its port")
        .doesNotContain("Micronaut");
  }
}
