package dev.polder.rego.builtins.rego;

import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.RuleKind;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.parser.RegoParseException;
import dev.polder.rego.parser.RegoParser;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NullValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rego.parse_module(file, source)}: the parsed module in the JSON shape of OPA's AST
 * (package, imports, rules with head and body; terms as {@code {"type", "value"}}), without
 * locations or comments. Operators appear as the built-in calls they stand for, as in OPA.
 */
final class ModuleJson {
  private ModuleJson() {}

  static Value parse(Value file, Value source) throws BuiltinException {
    Module m;
    try {
      m = RegoParser.parseModule(((StringValue) file).value(), ((StringValue) source).value());
    } catch (RegoParseException e) {
      throw BuiltinException.error(e.getMessage());
    } catch (StackOverflowError e) {
      throw BuiltinException.error("module too deeply nested");
    }
    ObjectValue.Builder out = ObjectValue.builder();
    List<Value> pkg = new ArrayList<>();
    pkg.add(term("var", s("data")));
    for (String p : m.packagePath()) {
      pkg.add(term("string", s(p)));
    }
    out.put(s("package"), obj("path", ArrayValue.of(pkg)));
    if (!m.imports().isEmpty()) {
      List<Value> imports = new ArrayList<>();
      for (Module.Import imp : m.imports()) {
        List<Value> path = new ArrayList<>();
        path.add(term("var", s(imp.path().get(0))));
        for (String p : imp.path().subList(1, imp.path().size())) {
          path.add(term("string", s(p)));
        }
        ObjectValue.Builder i = ObjectValue.builder();
        i.put(s("path"), term("ref", ArrayValue.of(path)));
        if (imp.alias() != null) {
          i.put(s("alias"), s(imp.alias()));
        }
        imports.add(i.build());
      }
      out.put(s("imports"), ArrayValue.of(imports));
    }
    if (!m.rules().isEmpty()) {
      List<Value> rules = new ArrayList<>();
      for (Rule r : m.rules()) {
        rules.add(rule(r, r));
      }
      out.put(s("rules"), ArrayValue.of(rules));
    }
    return out.build();
  }

  private static Value rule(Rule r, Rule top) {
    ObjectValue.Builder head = ObjectValue.builder();
    head.put(s("name"), s(top.name()));
    List<Value> ref = new ArrayList<>();
    ref.add(term("var", s(top.name())));
    for (Term t : top.head().subList(1, top.head().size())) {
      ref.add(term(t));
    }
    head.put(s("ref"), ArrayValue.of(ref));
    if (r.args() != null) {
      head.put(s("args"), terms(r.args()));
    }
    if (r.kind() == RuleKind.PARTIAL_SET) {
      head.put(s("key"), term(r.key()));
    } else if (r.value() != null) {
      head.put(s("value"), term(r.value()));
    }
    ObjectValue.Builder rule = ObjectValue.builder();
    rule.put(s("head"), head.build());
    rule.put(s("body"), body(r.body()));
    if (r.isDefault()) {
      rule.put(s("default"), BooleanValue.TRUE);
    }
    if (r.elseRule() != null) {
      rule.put(s("else"), rule(r.elseRule(), top));
    }
    return rule.build();
  }

  private static Value body(List<Literal> body) {
    List<Value> out = new ArrayList<>();
    if (body.isEmpty()) {
      out.add(obj("index", NumberValue.of(0), "terms", term("boolean", BooleanValue.TRUE)));
    }
    for (int i = 0; i < body.size(); i++) {
      Literal l = body.get(i);
      ObjectValue.Builder e = ObjectValue.builder();
      e.put(s("index"), NumberValue.of(i));
      if (l.negated()) {
        e.put(s("negated"), BooleanValue.TRUE);
      }
      e.put(s("terms"), expr(l.expr()));
      if (!l.withs().isEmpty()) {
        List<Value> withs = new ArrayList<>();
        for (Literal.With w : l.withs()) {
          withs.add(obj("target", term(w.target()), "value", term(w.value())));
        }
        e.put(s("with"), ArrayValue.of(withs));
      }
      out.add(e.build());
    }
    return ArrayValue.of(out);
  }

  private static Value expr(Expr e) {
    if (e instanceof Expr.TermExpr te) {
      if (te.term() instanceof Term.Call c) {
        List<Value> parts = new ArrayList<>();
        parts.add(operator(c.name()));
        for (Term a : c.args()) {
          parts.add(term(a));
        }
        return ArrayValue.of(parts);
      }
      return term(te.term());
    }
    if (e instanceof Expr.Unify u) {
      return ArrayValue.of(operator(u.assign() ? "assign" : "eq"), term(u.left()), term(u.right()));
    }
    if (e instanceof Expr.SomeDecl sd) {
      List<Value> vars = new ArrayList<>();
      for (Term.Var v : sd.vars()) {
        vars.add(term(v));
      }
      return obj("symbols", ArrayValue.of(vars));
    }
    if (e instanceof Expr.SomeIn in) {
      List<Value> call = new ArrayList<>();
      call.add(operator(in.key() == null ? "internal.member_2" : "internal.member_3"));
      if (in.key() != null) {
        call.add(term(in.key()));
      }
      call.add(term(in.value()));
      call.add(term(in.collection()));
      return obj("symbols", ArrayValue.of(term("call", ArrayValue.of(call))));
    }
    Expr.Every ev = (Expr.Every) e;
    ObjectValue.Builder b = ObjectValue.builder();
    if (ev.key() != null) {
      b.put(s("key"), term(ev.key()));
    }
    b.put(s("value"), term(ev.value()));
    b.put(s("domain"), term(ev.domain()));
    b.put(s("body"), body(ev.body()));
    return term("every", b.build());
  }

  private static Value operator(String name) {
    String[] parts = name.split("\\.");
    List<Value> ref = new ArrayList<>();
    ref.add(term("var", s(parts[0])));
    for (int i = 1; i < parts.length; i++) {
      ref.add(term("string", s(parts[i])));
    }
    return term("ref", ArrayValue.of(ref));
  }

  private static Value term(Term t) {
    if (t instanceof Term.Scalar sc) {
      return scalar(sc.value());
    }
    if (t instanceof Term.Var v) {
      return term("var", s(v.name().startsWith("$_") ? "_" : v.name()));
    }
    if (t instanceof Term.Ref r) {
      List<Value> parts = new ArrayList<>();
      parts.add(term(r.head()));
      for (Term p : r.path()) {
        parts.add(term(p));
      }
      return term("ref", ArrayValue.of(parts));
    }
    if (t instanceof Term.ArrayTerm a) {
      return term("array", terms(a.items()));
    }
    if (t instanceof Term.SetTerm st) {
      return term("set", terms(st.items()));
    }
    if (t instanceof Term.ObjectTerm o) {
      List<Value> pairs = new ArrayList<>();
      for (int i = 0; i < o.keys().size(); i++) {
        pairs.add(ArrayValue.of(term(o.keys().get(i)), term(o.values().get(i))));
      }
      return term("object", ArrayValue.of(pairs));
    }
    if (t instanceof Term.Call c) {
      List<Value> parts = new ArrayList<>();
      parts.add(operator(c.name()));
      for (Term a : c.args()) {
        parts.add(term(a));
      }
      return term("call", ArrayValue.of(parts));
    }
    if (t instanceof Term.ArrayCompr ac) {
      return term("arraycomprehension", obj("term", term(ac.head()), "body", body(ac.body())));
    }
    if (t instanceof Term.SetCompr sc) {
      return term("setcomprehension", obj("term", term(sc.head()), "body", body(sc.body())));
    }
    if (t instanceof Term.ObjectCompr oc) {
      ObjectValue.Builder b = ObjectValue.builder();
      b.put(s("key"), term(oc.key()));
      b.put(s("value"), term(oc.value()));
      b.put(s("body"), body(oc.body()));
      return term("objectcomprehension", b.build());
    }
    Term.Template tp = (Term.Template) t;
    return term("templatestring", terms(tp.parts()));
  }

  /** A constant; composites folded by the parser are written out element by element. */
  private static Value scalar(Value v) {
    if (v instanceof NullValue) {
      return term("null", v);
    }
    if (v instanceof BooleanValue) {
      return term("boolean", v);
    }
    if (v instanceof NumberValue) {
      return term("number", v);
    }
    if (v instanceof StringValue) {
      return term("string", v);
    }
    if (v instanceof ArrayValue a) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        items.add(scalar(a.get(i)));
      }
      return term("array", ArrayValue.of(items));
    }
    if (v instanceof SetValue st) {
      List<Value> items = new ArrayList<>();
      for (Value e : st) {
        items.add(scalar(e));
      }
      return term("set", ArrayValue.of(items));
    }
    List<Value> pairs = new ArrayList<>();
    for (var e : ((ObjectValue) v).asMap().entrySet()) {
      pairs.add(ArrayValue.of(scalar(e.getKey()), scalar(e.getValue())));
    }
    return term("object", ArrayValue.of(pairs));
  }

  private static Value terms(List<Term> ts) {
    List<Value> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(term(t));
    }
    return ArrayValue.of(out);
  }

  private static Value term(String type, Value value) {
    return obj("type", s(type), "value", value);
  }

  private static Value obj(String k, Value v) {
    ObjectValue.Builder b = ObjectValue.builder();
    b.put(s(k), v);
    return b.build();
  }

  private static Value obj(String k1, Value v1, String k2, Value v2) {
    ObjectValue.Builder b = ObjectValue.builder();
    b.put(s(k1), v1);
    b.put(s(k2), v2);
    return b.build();
  }

  private static StringValue s(String v) {
    return StringValue.of(v);
  }
}
