package dev.polder.rego.builtins.jsonschema;

import com.google.re2j.Pattern;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a compiled schema to a document, collecting gojsonschema-style violations. */
final class Validator {

  private final ObjectValue root;
  private final List<SchemaViolation> out;

  Validator(ObjectValue root, List<SchemaViolation> out) {
    this.root = root;
    this.out = out;
  }

  private void fail(List<Value> path, String type, String desc) {
    out.add(new SchemaViolation(field(path), type, desc));
  }

  private static String field(List<Value> path) {
    if (path.isEmpty()) {
      return "(root)";
    }
    StringBuilder sb = new StringBuilder();
    for (Value p : path) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(p instanceof StringValue s ? s.value() : p.toString());
    }
    return sb.toString();
  }

  private boolean valid(Value schema, Value doc, List<Value> path) {
    List<SchemaViolation> sub = new ArrayList<>();
    new Validator(root, sub).validate(schema, doc, path);
    return sub.isEmpty();
  }

  void validate(Value schemaValue, Value doc, List<Value> path) {
    if (schemaValue instanceof BooleanValue b) {
      if (!b.value()) {
        fail(path, "false", "False always fails validation");
      }
      return;
    }
    if (!(schemaValue instanceof ObjectValue s)) {
      return;
    }
    if (s.get("$ref") instanceof StringValue ref) {
      Value target = resolve(ref.value());
      if (target != null) {
        validate(target, doc, path);
      }
      return;
    }
    if (!checkType(s, doc, path)) {
      return;
    }
    checkEnumConst(s, doc, path);
    if (doc instanceof ObjectValue o) {
      checkObject(s, o, path);
    }
    if (doc instanceof ArrayValue || doc instanceof SetValue) {
      checkArray(s, Operands.elements(doc), path);
    }
    if (doc instanceof StringValue str) {
      checkString(s, str.value(), path);
    }
    if (doc instanceof NumberValue n) {
      checkNumber(s, n.asBigDecimal(), path);
    }
    checkCombinators(s, doc, path);
  }

  private Value resolve(String ref) {
    if (ref.equals("#")) {
      return root;
    }
    if (!ref.startsWith("#/")) {
      return null;
    }
    Value current = root;
    for (String part : ref.substring(2).split("/")) {
      if (!(current instanceof ObjectValue o)) {
        return null;
      }
      current = o.get(part.replace("~1", "/").replace("~0", "~"));
    }
    return current;
  }

  private boolean checkType(ObjectValue s, Value doc, List<Value> path) {
    Value type = s.get("type");
    if (type == null) {
      return true;
    }
    List<String> types = new ArrayList<>();
    for (Value t : type instanceof ArrayValue a ? a.asList() : List.of(type)) {
      types.add(((StringValue) t).value());
    }
    for (String t : types) {
      if (JsonSchema.hasType(doc, t)) {
        return true;
      }
    }
    fail(
        path,
        "invalid_type",
        "Invalid type. Expected: "
            + String.join(", ", types)
            + ", given: "
            + JsonSchema.typeOf(doc));
    return false;
  }

  private void checkEnumConst(ObjectValue s, Value doc, List<Value> path) {
    if (s.get("enum") instanceof ArrayValue options && !options.asList().contains(doc)) {
      List<String> allowed = new ArrayList<>();
      for (Value v : options) {
        allowed.add(v.toString());
      }
      fail(
          path,
          "enum",
          field(path) + " must be one of the following: " + String.join(", ", allowed));
    }
    Value constant = s.get("const");
    if (constant != null && !constant.equals(doc)) {
      fail(path, "const", field(path) + " does not match: " + constant);
    }
  }

  private void checkObject(ObjectValue s, ObjectValue o, List<Value> path) {
    if (s.get("required") instanceof ArrayValue required) {
      for (Value r : required) {
        if (o.get(r) == null) {
          fail(
              path,
              "required",
              (r instanceof StringValue rs ? rs.value() : r.toString()) + " is required");
        }
      }
    }
    Map<Value, Value> props = s.get("properties") instanceof ObjectValue p ? p.asMap() : Map.of();
    Map<Value, Value> patterns =
        s.get("patternProperties") instanceof ObjectValue p ? p.asMap() : Map.of();
    Value additional = s.get("additionalProperties");
    for (Value key : o.sortedKeys()) {
      List<Value> childPath = new ArrayList<>(path);
      childPath.add(key);
      boolean matched = false;
      Value propSchema = props.get(key);
      if (propSchema != null) {
        matched = true;
        validate(propSchema, o.get(key), childPath);
      }
      String name = key instanceof StringValue ks ? ks.value() : key.toString();
      for (Map.Entry<Value, Value> e : patterns.entrySet()) {
        if (e.getKey() instanceof StringValue re
            && Pattern.compile(re.value()).matcher(name).find()) {
          matched = true;
          validate(e.getValue(), o.get(key), childPath);
        }
      }
      if (!matched && additional != null) {
        if (additional instanceof BooleanValue b && !b.value()) {
          fail(
              path,
              "additional_property_not_allowed",
              "Additional property " + name + " is not allowed");
        } else if (additional instanceof ObjectValue) {
          validate(additional, o.get(key), childPath);
        }
      }
    }
    BigDecimal min = JsonSchema.number(s.get("minProperties"));
    if (min != null && o.size() < min.intValue()) {
      fail(path, "array_min_properties", "Must have at least " + min + " properties");
    }
    BigDecimal max = JsonSchema.number(s.get("maxProperties"));
    if (max != null && o.size() > max.intValue()) {
      fail(path, "array_max_properties", "Must have at most " + max + " properties");
    }
  }

  private void checkArray(ObjectValue s, List<Value> items, List<Value> path) {
    Value itemSchema = s.get("items");
    for (int i = 0; i < items.size(); i++) {
      Value schema = itemSchema;
      if (itemSchema instanceof ArrayValue tuple) {
        schema = i < tuple.size() ? tuple.get(i) : s.get("additionalItems");
      }
      if (schema != null) {
        List<Value> childPath = new ArrayList<>(path);
        childPath.add(Value.of(i));
        validate(schema, items.get(i), childPath);
      }
    }
    BigDecimal min = JsonSchema.number(s.get("minItems"));
    if (min != null && items.size() < min.intValue()) {
      fail(path, "array_min_items", "Array must have at least " + min + " items");
    }
    BigDecimal max = JsonSchema.number(s.get("maxItems"));
    if (max != null && items.size() > max.intValue()) {
      fail(path, "array_max_items", "Array must have at most " + max + " items");
    }
    if (s.get("uniqueItems") instanceof BooleanValue u && u.value()) {
      for (int i = 0; i < items.size(); i++) {
        for (int j = i + 1; j < items.size(); j++) {
          if (items.get(i).equals(items.get(j))) {
            fail(path, "unique", "array items[" + i + "," + j + "] must be unique");
            return;
          }
        }
      }
    }
    Value contains = s.get("contains");
    if (contains != null && items.stream().noneMatch(v -> valid(contains, v, path))) {
      fail(path, "contains", "At least one of the items must match");
    }
  }

  private void checkString(ObjectValue s, String str, List<Value> path) {
    int length = str.codePointCount(0, str.length());
    BigDecimal min = JsonSchema.number(s.get("minLength"));
    if (min != null && length < min.intValue()) {
      fail(path, "string_gte", "String length must be greater than or equal to " + min);
    }
    BigDecimal max = JsonSchema.number(s.get("maxLength"));
    if (max != null && length > max.intValue()) {
      fail(path, "string_lte", "String length must be less than or equal to " + max);
    }
    if (s.get("pattern") instanceof StringValue p
        && !Pattern.compile(p.value()).matcher(str).find()) {
      fail(path, "pattern", "Does not match pattern '" + p.value() + "'");
    }
  }

  private void checkNumber(ObjectValue s, BigDecimal n, List<Value> path) {
    BigDecimal min = JsonSchema.number(s.get("minimum"));
    boolean exclusiveMinFlag = s.get("exclusiveMinimum") instanceof BooleanValue b && b.value();
    if (min != null && (exclusiveMinFlag ? n.compareTo(min) <= 0 : n.compareTo(min) < 0)) {
      fail(
          path,
          exclusiveMinFlag ? "number_gt" : "number_gte",
          (exclusiveMinFlag ? "Must be greater than " : "Must be greater than or equal to ")
              + min.toPlainString());
    }
    BigDecimal xmin = JsonSchema.number(s.get("exclusiveMinimum"));
    if (xmin != null && n.compareTo(xmin) <= 0) {
      fail(path, "number_gt", "Must be greater than " + xmin.toPlainString());
    }
    BigDecimal max = JsonSchema.number(s.get("maximum"));
    boolean exclusiveMaxFlag = s.get("exclusiveMaximum") instanceof BooleanValue b2 && b2.value();
    if (max != null && (exclusiveMaxFlag ? n.compareTo(max) >= 0 : n.compareTo(max) > 0)) {
      fail(
          path,
          exclusiveMaxFlag ? "number_lt" : "number_lte",
          (exclusiveMaxFlag ? "Must be less than " : "Must be less than or equal to ")
              + max.toPlainString());
    }
    BigDecimal xmax = JsonSchema.number(s.get("exclusiveMaximum"));
    if (xmax != null && n.compareTo(xmax) >= 0) {
      fail(path, "number_lt", "Must be less than " + xmax.toPlainString());
    }
    BigDecimal multiple = JsonSchema.number(s.get("multipleOf"));
    if (multiple != null && multiple.signum() > 0 && n.remainder(multiple).signum() != 0) {
      fail(path, "multiple_of", "Must be a multiple of " + multiple.toPlainString());
    }
  }

  private void checkCombinators(ObjectValue s, Value doc, List<Value> path) {
    if (s.get("allOf") instanceof ArrayValue all) {
      for (Value sub : all) {
        if (!valid(sub, doc, path)) {
          fail(path, "number_all_of", "Must validate all the schemas (allOf)");
          break;
        }
      }
    }
    if (s.get("anyOf") instanceof ArrayValue any
        && any.asList().stream().noneMatch(sub -> valid(sub, doc, path))) {
      fail(path, "number_any_of", "Must validate at least one schema (anyOf)");
    }
    if (s.get("oneOf") instanceof ArrayValue one
        && one.asList().stream().filter(sub -> valid(sub, doc, path)).count() != 1) {
      fail(path, "number_one_of", "Must validate one and only one schema (oneOf)");
    }
    Value not = s.get("not");
    if (not != null && valid(not, doc, path)) {
      fail(path, "number_not", "Must not validate the schema (not)");
    }
    Value ifSchema = s.get("if");
    if (ifSchema != null) {
      boolean ok = valid(ifSchema, doc, path);
      Value branch = ok ? s.get("then") : s.get("else");
      if (branch != null && !valid(branch, doc, path)) {
        fail(
            path,
            ok ? "condition_then" : "condition_else",
            ok
                ? "Must validate \"then\" as \"if\" was valid"
                : "Must validate \"else\" as \"if\" was not valid");
      }
    }
  }
}
