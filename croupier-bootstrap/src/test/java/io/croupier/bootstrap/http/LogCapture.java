package io.croupier.bootstrap.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
    List<ILoggingEvent> events;
    // AppenderBase.doAppend synchronizes on the appender, so this copy contains only complete
    // events.
    synchronized (appender) {
      events = new ArrayList<>(appender.list);
    }
    return events.stream().map(LogCapture::render).toList();
  }

  /**
   * Returns the lines that contain the request id as a whole token, not as part of a longer id, a
   * path or a port number.
   */
  List<String> linesWithRequestId(String requestId) {
    Pattern token =
        Pattern.compile("(?<![A-Za-z0-9._:-])" + Pattern.quote(requestId) + "(?![A-Za-z0-9._:-])");
    return lines().stream().filter(line -> token.matcher(line).find()).toList();
  }

  private static String render(ILoggingEvent event) {
    StringBuilder line = new StringBuilder();
    line.append(event.getLevel())
        .append(' ')
        .append(event.getLoggerName())
        .append(" - ")
        .append(event.getFormattedMessage());
    event
        .getMDCPropertyMap()
        .forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
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
