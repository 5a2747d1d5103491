package dev.xct.temporal.internal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Calls the user's model client once for one step. */
@ActivityInterface
public interface ModelActivity {
  /** Returns the model's reply for {@code ask}; a client failure fails the activity. */
  @ActivityMethod(name = "XctModel")
  ModelAnswer next(ModelAsk ask);
}
