package dev.xct.core.internal.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.xct.core.JsonValue;
import java.lang.reflect.RecordComponent;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Makes Jackson treat every record component that {@link RecordComponents#isOptional} does not call
 * optional as required and non-null, so that binding rejects what the generated schema rejects: a
 * missing {@code int} does not silently become {@code 0}, a missing {@code String} does not become
 * {@code null}. Explicit Jackson annotations still win.
 */
final class StrictRecordIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  @Override
  public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
    Boolean explicit = super.hasRequiredMarker(config, member);
    if (explicit != null) {
      return explicit;
    }
    RecordComponent component = component(member);
    return component == null ? null : !RecordComponents.isOptional(component);
  }

  @Override
  public JsonSetter.Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
    JsonSetter.Value explicit = super.findSetterInfo(config, annotated);
    RecordComponent component = component(annotated);
    if (component == null
        || RecordComponents.isOptional(component)
        || component.getType() == JsonValue.class) {
      return explicit;
    }
    return explicit.withValueNulls(Nulls.FAIL, Nulls.FAIL);
  }

  private static RecordComponent component(Annotated annotated) {
    if (!(annotated instanceof AnnotatedMember member) || !member.getDeclaringClass().isRecord()) {
      return null;
    }
    Class<?> type = member.getDeclaringClass();
    if (annotated instanceof AnnotatedParameter parameter) {
      return canonicalParameter(type, parameter);
    }
    return RecordComponents.find(type, member.getName());
  }

  private static RecordComponent canonicalParameter(Class<?> type, AnnotatedParameter parameter) {
    RecordComponent[] components = type.getRecordComponents();
    AnnotatedWithParams owner = parameter.getOwner();
    if (owner.getParameterCount() != components.length) {
      return null;
    }
    for (int i = 0; i < components.length; i++) {
      if (owner.getRawParameterType(i) != components[i].getType()) {
        return null;
      }
    }
    return components[parameter.getIndex()];
  }
}
