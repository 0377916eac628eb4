package dev.polder.rego.builtins.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polder.rego.value.JsonConversion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphQlParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ a } | {\"Operations\":[{\"Name\":\"\",\"Operation\":\"query\","
            + "\"SelectionSet\":[{\"Alias\":\"a\",\"Name\":\"a\"}]}]}",
        "query Q($v: [Int!]) { b: a(x: $v) } | {\"Operations\":[{\"Name\":\"Q\","
            + "\"Operation\":\"query\",\"SelectionSet\":[{\"Alias\":\"b\",\"Arguments\":"
            + "[{\"Name\":\"x\",\"Value\":{\"ExpectedTypeHasDefault\":false,\"Kind\":0,"
            + "\"Raw\":\"v\"}}],\"Name\":\"a\"}],\"VariableDefinitions\":[{\"Type\":{\"Elem\":"
            + "{\"NamedType\":\"Int\",\"NonNull\":true},\"NamedType\":\"\",\"NonNull\":false},"
            + "\"Used\":false,\"Variable\":\"v\"}]}]}",
      })
  void parsesQueriesToGqlparserShapedJson(String query, String json) throws Exception {
    assertEquals(
        JsonConversion.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)),
        JsonConversion.fromJava(QueryParser.parse(query)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ | Expected Name, found <EOF> in GraphQL string at location 1:2",
        "notanoperation | Unexpected Name \"notanoperation\" in GraphQL string at location 1:1",
        "fragment f Type { a } | Expected \"on\", found Name \"Type\" in GraphQL string at"
            + " location 1:12",
        "{ a(x: $v }| Expected Name, found } in GraphQL string at location 1:11",
        "{ a(x: $) }| Expected Name, found ) in GraphQL string at location 1:9",
      })
  void reportsQuerySyntaxErrorsLikeGqlparser(String query, String message) {
    GraphQlSyntaxException e =
        assertThrows(GraphQlSyntaxException.class, () -> QueryParser.parse(query));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void refusesHostileNestingInsteadOfOverflowingTheStack() {
    String deep = "{ a(x: " + "[".repeat(100_000) + " }";
    GraphQlSyntaxException e =
        assertThrows(GraphQlSyntaxException.class, () -> QueryParser.parse(deep));
    assertEquals(
        "document nested deeper than 200 levels in GraphQL string at location 1:207",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "type Query { a: Int } ; true",
        "type Query { a: Missing } ; false",
        "type A implements I { a: Int } ; false",
        "union U = A  scalar A ; false",
        "extend type A { a: Int } ; true",
        "scalar S @nope ; false",
      })
  void validatesSchemas(String schema, boolean valid) {
    boolean loaded;
    try {
      Schema.load(SchemaParser.parse(schema));
      loaded = true;
    } catch (GraphQlSyntaxException e) {
      loaded = false;
    }
    assertEquals(valid, loaded);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ a } | ",
        "{ b } | Cannot query field \"b\" on type \"Query\". in GraphQL string at location 1:3",
        "{ f } | Field \"f\" argument \"x\" of type \"Int!\" is required, but it was not provided"
            + " in GraphQL string at location 1:3",
        "{ a(y: 1) } | Unknown argument \"y\" on field \"a\". in GraphQL string at location 1:3",
        "{ ...F } | Unknown fragment \"F\".",
      })
  void validatesQueriesAgainstSchema(String query, String error) throws Exception {
    Schema schema = Schema.load(SchemaParser.parse("type Query { a: Int  f(x: Int!): Int }"));
    QueryParser.Parsed parsed = QueryParser.parseWithPositions(query);
    if (error == null) {
      QueryValidator.validate(parsed.document(), parsed.positions(), schema);
      return;
    }
    GraphQlSyntaxException e =
        assertThrows(
            GraphQlSyntaxException.class,
            () -> QueryValidator.validate(parsed.document(), parsed.positions(), schema));
    assertEquals(error, e.getMessage());
  }
}
