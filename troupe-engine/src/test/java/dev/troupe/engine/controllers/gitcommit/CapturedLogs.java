package dev.troupe.engine.controllers.gitcommit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while open, at DEBUG and above for every logger (JGit's included), as text:
 * messages, arguments, MDC, key-values and exceptions with their stack traces.
 */
final class CapturedLogs implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> levels = new HashMap<>();
  private final List<Appender<ILoggingEvent>> muted = new ArrayList<>();

  CapturedLogs() {
    appender.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // The console would print every DEBUG line of the test; it is muted while capturing.
    root.iteratorForAppenders().forEachRemaining(muted::add);
    muted.forEach(root::detachAppender);
    root.addAppender(appender);
    for (String name : new String[] {org.slf4j.Logger.ROOT_LOGGER_NAME, "org.eclipse.jgit"}) {
      Logger l = (Logger) LoggerFactory.getLogger(name);
      levels.put(l, l.getLevel());
      l.setLevel(Level.DEBUG);
    }
  }

  String text() {
    StringBuilder b = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      b.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ');
      b.append(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
      if (e.getKeyValuePairs() != null) {
        b.append(' ').append(e.getKeyValuePairs());
      }
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        b.append(" ").append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
          b.append(' ').append(s.getSTEAsString());
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  int size() {
    return appender.list.size();
  }

  @Override
  public void close() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    muted.forEach(root::addAppender);
    levels.forEach(Logger::setLevel);
    appender.stop();
  }
}
