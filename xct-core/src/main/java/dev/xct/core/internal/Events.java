package dev.xct.core.internal;

import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to listeners; a failing listener is logged and never disturbs the run. */
final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final List<RunListener> listeners;

  Events(List<RunListener> listeners) {
    this.listeners = listeners;
  }

  void emit(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
