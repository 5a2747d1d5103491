/**
 * Typed events of a run, delivered in a fixed order to {@link dev.xct.core.event.RunListener}s, and
 * a JSON Lines writer for them. Observers see everything and can change nothing.
 */
package dev.xct.core.event;
