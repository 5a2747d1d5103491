/**
 * Gives every model adapter the same ground, so that a reply means the same whichever client
 * produced it: the {@link dev.xct.model.support.ProposalSchema} that lets a server constrain its
 * output to valid decisions, {@link dev.xct.model.support.ToolFunctions} for native tool calling,
 * the provider-neutral {@link dev.xct.model.support.Completion} with its {@link
 * dev.xct.model.support.ModelFault}s, {@link dev.xct.model.support.ModelTransportException} for
 * transport failures, and the {@link dev.xct.model.support.TokenBudget} validator.
 *
 * <p>Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package dev.xct.model.support;
