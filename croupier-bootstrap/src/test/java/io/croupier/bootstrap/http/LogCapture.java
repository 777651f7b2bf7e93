package io.croupier.bootstrap.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.croupier.adapter.in.http.RequestIdFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/** Collects every event that reaches the root logger while it is attached. */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    appender.setName("http-test-capture");
    appender.start();
    root.addAppender(appender);
  }

  /** Starts collecting. */
  static LogCapture attach() {
    return new LogCapture();
  }

  /**
   * Returns each event collected so far as one line of text: level, logger, message, MDC values and
   * the full text of any attached exception.
   */
  List<String> lines() {
    return events().stream().map(event -> render(event, true)).toList();
  }

  /**
   * Returns the lines whose message or exception contains the request id as a whole token, not as
   * part of a longer id, a path or a port number. The request id in the MDC is left out, because
   * every line logged while the request is handled carries it.
   */
  List<String> linesWithRequestId(String requestId) {
    Pattern token =
        Pattern.compile("(?<![A-Za-z0-9._:-])" + Pattern.quote(requestId) + "(?![A-Za-z0-9._:-])");
    return events().stream()
        .map(event -> render(event, false))
        .filter(line -> token.matcher(line).find())
        .toList();
  }

  private List<ILoggingEvent> events() {
    // AppenderBase.doAppend synchronizes on the appender, so this copy contains only complete
    // events.
    synchronized (appender) {
      return new ArrayList<>(appender.list);
    }
  }

  private static String render(ILoggingEvent event, boolean withRequestId) {
    StringBuilder line = new StringBuilder();
    line.append(event.getLevel())
        .append(' ')
        .append(event.getLoggerName())
        .append(" - ")
        .append(event.getFormattedMessage());
    event.getMDCPropertyMap().entrySet().stream()
        .filter(entry -> withRequestId || !entry.getKey().equals(RequestIdFilter.MDC_KEY))
        .forEach(
            entry -> line.append(' ').append(entry.getKey()).append('=').append(entry.getValue()));
    if (event.getThrowableProxy() != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return line.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
