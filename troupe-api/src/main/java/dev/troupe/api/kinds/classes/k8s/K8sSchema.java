package dev.troupe.api.kinds.classes.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.FreeFormSchema;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.NumberSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.Schema;
import dev.troupe.api.schema.StringSchema;
import dev.troupe.api.schema.StructuralValidator;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas of Kubernetes API types derived by reflection from the fabric8 kubernetes-model classes
 * (their Jackson properties and generic types), computed once per class and cached. Fabric8's
 * catch-all {@code additionalProperties} is not a property, so every field the model does not
 * declare is {@code UnknownField} (with a "did you mean" hint). {@link IntOrString} accepts an
 * int32 or a string, {@link Quantity} a string in quantity syntax or a number; the well-known
 * enumerations of {@link K8sEnums} are closed.
 */
public final class K8sSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Class<?>, ObjectSchema> CACHE = new ConcurrentHashMap<>();
  private static final Set<Class<?>> BUILDING = new HashSet<>();

  /** {@code IntOrString}: an int32 or a string. */
  static final FreeFormSchema INT_OR_STRING =
      new FreeFormSchema(K8sSchema::intOrString, false, "integer or string");

  /** {@code Quantity}: a string in quantity syntax, or a number. */
  static final FreeFormSchema QUANTITY =
      new FreeFormSchema(K8sSchema::quantity, false, "quantity (string or number)");

  private K8sSchema() {}

  /** The schema of a fabric8 model class (e.g. {@code DeploymentSpec.class}). */
  public static ObjectSchema of(Class<?> modelClass) {
    ObjectSchema cached = CACHE.get(modelClass);
    if (cached != null) {
      return cached;
    }
    synchronized (K8sSchema.class) {
      return build(modelClass);
    }
  }

  /**
   * Validates {@code node} against the schema of {@code modelClass}, reporting at {@code path}.
   * Returns whether no error was reported.
   */
  public static boolean validate(
      JsonNode node, Class<?> modelClass, String path, Reporter reporter) {
    boolean[] ok = {true};
    Reporter counting =
        (severity, rule, p, message, hint) -> {
          if (severity == Severity.ERROR) {
            ok[0] = false;
          }
          reporter.report(severity, rule, p, message, hint);
        };
    StructuralValidator.validate(node, of(modelClass), path, counting);
    return ok[0];
  }

  private static ObjectSchema build(Class<?> type) {
    ObjectSchema cached = CACHE.get(type);
    if (cached != null) {
      return cached;
    }
    BUILDING.add(type);
    try {
      BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
      List<Field> fields = new ArrayList<>();
      for (BeanPropertyDefinition p : bean.findProperties()) {
        if (!p.hasField() || p.getName().equals("additionalProperties")) {
          continue; // derived getters (IntOrString.intVal) and the catch-all are not fields
        }
        fields.add(Field.opt(p.getName(), propertySchema(type, p.getName(), p.getPrimaryType())));
      }
      ObjectSchema schema =
          ObjectSchema.of(fields.toArray(Field[]::new)).describe(type.getSimpleName());
      CACHE.put(type, schema);
      return schema;
    } finally {
      BUILDING.remove(type);
    }
  }

  private static Schema propertySchema(Class<?> owner, String property, JavaType type) {
    List<String> enumValues = K8sEnums.of(owner, property).orElse(null);
    return valueSchema(type, enumValues);
  }

  private static Schema valueSchema(JavaType type, List<String> enumValues) {
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return ListSchema.of(valueSchema(type.getContentType(), enumValues));
    }
    if (type.isMapLikeType()) {
      return MapSchema.of(valueSchema(type.getContentType(), null));
    }
    if (raw == String.class) {
      return enumValues == null
          ? StringSchema.any()
          : StringSchema.oneOf(enumValues.toArray(String[]::new));
    }
    if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
      return IntegerSchema.int32();
    }
    if (raw == Long.class || raw == long.class) {
      return IntegerSchema.int64();
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return BooleanSchema.bool();
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
      return NumberSchema.any();
    }
    if (raw == IntOrString.class) {
      return INT_OR_STRING;
    }
    if (raw == Quantity.class) {
      return QUANTITY;
    }
    if (raw.getName().startsWith("io.fabric8.kubernetes.api.model")
        && !raw.isInterface()
        && !Modifier.isAbstract(raw.getModifiers())) {
      if (BUILDING.contains(raw)) {
        // A recursive type: validate lazily against the finished schema.
        return new FreeFormSchema(
            (node, path, reporter) -> StructuralValidator.validate(node, of(raw), path, reporter),
            true,
            raw.getSimpleName());
      }
      return build(raw);
    }
    return FreeFormSchema.anything(); // Object, JsonNode, interfaces: free
  }

  private static JsonNode intOrString(JsonNode node, String path, Reporter reporter) {
    if (node.isTextual()) {
      return node;
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToInt()) {
        reporter.error(
            Rule.Range,
            path,
            node.asText() + " is out of range " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
      }
      return node;
    }
    reporter.error(
        Rule.TypeMismatch,
        path,
        "expected integer or string, got " + StructuralValidator.typeOf(node));
    return node;
  }

  private static JsonNode quantity(JsonNode node, String path, Reporter reporter) {
    if (node.isNumber()) {
      return node;
    }
    if (!node.isTextual()) {
      reporter.error(
          Rule.TypeMismatch,
          path,
          "expected string or number, got " + StructuralValidator.typeOf(node));
      return node;
    }
    Quantities.check(node.asText())
        .ifPresent(
            reason ->
                reporter.error(
                    Rule.InvalidFormat,
                    path,
                    StructuralValidator.lastName(path) + " is not a valid quantity: " + reason));
    return node;
  }
}
