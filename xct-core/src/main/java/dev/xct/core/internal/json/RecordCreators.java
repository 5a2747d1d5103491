package dev.xct.core.internal.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Makes Jackson call record constructors through a method handle spread once per record type.
 * Jackson 3 calls a creator with {@code MethodHandle.invokeWithArguments}, which on JDK 17 builds a
 * new spreader on every call: about a kilobyte and a few hundred nanoseconds for each tool call the
 * loop binds. Everything else stays Jackson's: the same arguments in the same order, and exceptions
 * from the constructor are wrapped exactly as Jackson wraps them. Immutable and thread-safe.
 */
final class RecordCreators extends JacksonModule {
  @Override
  public String getModuleName() {
    return "xct-record-creators";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addValueInstantiators(new Instantiators());
  }

  private static final class Instantiators implements ValueInstantiators {
    @Override
    public ValueInstantiator findValueInstantiator(
        DeserializationConfig config, BeanDescription.Supplier bean) {
      return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(
        DeserializationConfig config, BeanDescription.Supplier bean, ValueInstantiator found) {
      // Only Jackson's own instantiator of a record: anything customised is left alone.
      return bean.isRecordType() && found.getClass() == StdValueInstantiator.class
          ? new Spread((StdValueInstantiator) found)
          : found;
    }
  }

  /** Jackson's instantiator with a pre-spread constructor handle, made on first use. */
  private static final class Spread extends StdValueInstantiator {
    private static final MethodHandle UNAVAILABLE = MethodHandles.constant(Object.class, null);

    private volatile MethodHandle handle;

    Spread(StdValueInstantiator jacksons) {
      super(jacksons);
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, Object[] args) {
      MethodHandle spread = handle();
      if (spread == UNAVAILABLE) {
        return super.createFromObjectWith(context, args);
      }
      try {
        return (Object) spread.invokeExact(args);
      } catch (Exception e) {
        return context.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(context, e));
      } catch (Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    private MethodHandle handle() {
      MethodHandle spread = handle;
      if (spread == null) {
        spread = UNAVAILABLE;
        if (_withArgsCreator instanceof AnnotatedConstructor creator) {
          Constructor<?> constructor = creator.getAnnotated();
          int arity = constructor.getParameterCount();
          try {
            // Jackson has already made the constructor accessible, or this fails and Jackson calls.
            spread =
                MethodHandles.lookup()
                    .unreflectConstructor(constructor)
                    .asType(MethodType.genericMethodType(arity))
                    .asSpreader(Object[].class, arity);
          } catch (IllegalAccessException e) {
            spread = UNAVAILABLE;
          }
        }
        handle = spread;
      }
      return spread;
    }
  }
}
