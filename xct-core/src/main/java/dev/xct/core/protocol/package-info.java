/**
 * Defines XCT's wire protocol: the model's {@link dev.xct.core.protocol.Decision} (propose one tool
 * call, or declare the task done), the system's {@link dev.xct.core.protocol.Result} (success or a
 * structured error), the stable {@link dev.xct.core.protocol.ErrorCodes}, the strict {@link
 * dev.xct.core.protocol.ProtocolCodec} between wire text and these values, and the published JSON
 * Schemas of both messages in {@link dev.xct.core.protocol.ProtocolSchemas}.
 *
 * <p>Every type here is an immutable, thread-safe value or a stateless service. Model output is
 * untrusted: decoding never throws, and a reply that is not exactly one decision becomes a {@link
 * dev.xct.core.protocol.DecodeResult.Invalid} whose failure goes back to the model.
 */
package dev.xct.core.protocol;
