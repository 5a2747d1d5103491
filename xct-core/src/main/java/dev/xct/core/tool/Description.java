package dev.xct.core.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one record component to the model: {@link JsonSchemas#forRecord} copies the text into
 * the component's {@code description} keyword. It changes nothing else, neither binding nor
 * validation.
 *
 * <pre>{@code
 * public record RefundArgs(
 *     @Description("Order number, as printed on the invoice") String orderId,
 *     @Description("Amount in cents; at most the order total") long amountCents) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Description {
  /** Returns the text shown to the model. */
  String value();
}
