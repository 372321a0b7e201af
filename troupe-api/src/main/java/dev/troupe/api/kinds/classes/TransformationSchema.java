package dev.troupe.api.kinds.classes;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.classes.RestPolicy.TransformationRule;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.util.List;
import java.util.Map;

/**
 * A TransformationRule of a RESTPolicy's mediation (model.md §3.17): the members each action
 * requires, {@code NotRendered} for body actions, {@code IgnoredField} for members another action
 * uses.
 */
final class TransformationSchema {
  private static final Map<String, List<String>> MEMBERS =
      Map.of(
          TransformationRule.ADD_FIELDS, List.of("fields"),
          TransformationRule.REMOVE_FIELDS, List.of("fields"),
          TransformationRule.REMOVE_HEADERS, List.of("headers"),
          TransformationRule.ADD_HEADER, List.of("headerName", "headerValue"));

  static final ObjectSchema RULE =
      ObjectSchema.of(
              req("type", StringSchema.oneOf("json", "xml")),
              req(
                  "action",
                  StringSchema.oneOf(
                      TransformationRule.ADD_FIELDS,
                      TransformationRule.ADD_HEADER,
                      TransformationRule.REMOVE_HEADERS,
                      TransformationRule.REMOVE_FIELDS)),
              opt("fields", MapSchema.of(StringSchema.any())),
              opt("headers", ListSchema.of(StringSchema.format(Formats.HTTP_TOKEN))),
              opt("headerName", StringSchema.format(Formats.HTTP_TOKEN)),
              opt("headerValue", StringSchema.format(Formats.NO_CONTROL_CHARS)))
          .check(TransformationSchema::check);

  private TransformationSchema() {}

  private static void check(ObjectNode node, String path, Reporter r) {
    JsonNode actionNode = node.get("action");
    if (actionNode == null || !MEMBERS.containsKey(actionNode.asText())) {
      return;
    }
    String action = actionNode.asText();
    List<String> members = MEMBERS.get(action);
    for (String member : members) {
      JsonNode v = node.get(member);
      String memberPath = FieldPath.child(path, member);
      if (v == null || v.isNull()) {
        r.error(
            Rule.Required,
            memberPath,
            "required field " + FieldPath.quote(member) + " is missing",
            "required for action " + action);
      } else if (v.isContainerNode() && v.isEmpty()) {
        r.error(
            Rule.Required,
            memberPath,
            member + " must have at least one entry",
            "required for action " + action);
      }
    }
    for (String other : List.of("fields", "headers", "headerName", "headerValue")) {
      if (!members.contains(other) && TemplateChecks.present(node, other)) {
        r.warn(
            Rule.IgnoredField,
            FieldPath.child(path, other),
            other + " is ignored for action " + action);
      }
    }
    if (action.equals(TransformationRule.ADD_FIELDS)
        || action.equals(TransformationRule.REMOVE_FIELDS)) {
      r.warn(
          Rule.NotRendered,
          FieldPath.child(path, "action"),
          "body transformation "
              + action
              + " is not rendered: gateways apply header transformations only");
    }
  }
}
