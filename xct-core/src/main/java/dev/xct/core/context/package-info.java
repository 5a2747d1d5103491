/**
 * Renders what the system knows about a run into the chat messages the model reads. The model is
 * stateless, so this context is all it ever sees; {@link
 * dev.xct.core.context.DefaultContextRenderer} documents the default prompt and how old steps are
 * masked and elided to fit a budget.
 */
package dev.xct.core.context;
