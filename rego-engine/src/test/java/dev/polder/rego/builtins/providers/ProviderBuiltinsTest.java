package dev.polder.rego.builtins.providers;

import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static dev.polder.rego.builtins.testing.BuiltinTable.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signatures from OPA's conformance cases (providers-aws). */
class ProviderBuiltinsTest {

  private static final String CONFIG =
      "{\"aws_access_key\": \"MYAWSACCESSKEYGOESHERE\", \"aws_secret_access_key\":"
          + " \"MYAWSSECRETACCESSKEYGOESHERE\", \"aws_service\": \"s3\", \"aws_region\": \"us-east-1\"";
  private static final Value TIME = Value.of(1451311705000000000L);

  private static String authorization(Value req, String configExtra) throws Exception {
    Value out =
        BuiltinTable.call("providers.aws.sign_req", req, json(CONFIG + configExtra + "}"), TIME);
    ObjectValue headers = (ObjectValue) ((ObjectValue) out).get("headers");
    return ((StringValue) headers.get("Authorization")).value().replaceFirst(".*Signature=", "")
        + " "
        + ((StringValue) headers.get("x-amz-content-sha256")).value();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {"method": "get", "url": "http://example.com"}                     | ''                                     | 0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
          {"method": "get", "url": "http://example.com"}                     | ', "aws_session_token": "MYAWSSECURITYTOKENGOESHERE"' | 23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
          {"method": "get", "url": "http://example.com", "headers": {"foo": "bar"}} | ''                               | 8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
          {"method": "get", "url": "http://example.com", "raw_body": "{\\"example\\": {1, 2, 3, 4}}"} | ''          | 5bf26e169cb8b02330dba39d53932532438fc856c2f10537689a09ed807c7195 22906461e2a98a3e780d0fd260e341bed5e544661e97c5936fc7f3af11aaad8b
          {"method": "get", "url": "https://example.com", "headers": {"foo": "bar"}} | ', "disable_payload_signing": true' | c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028 UNSIGNED-PAYLOAD
          {"method": "get", "url": "https://example.com", "headers": {"foo": "bar", "x-amz-content-sha256": "existing-value"}, "body": {"example": [1, 2, 3, 4]}} | ', "disable_payload_signing": true' | edcd3ca3fd3acdfbcecad1a1d8062dbc6562d90352e294c336f9727397f9c383 UNSIGNED-PAYLOAD
          """)
  void signatures(String req, String configExtra, String expected) throws Exception {
    assertEquals(expected, authorization(json(req), configExtra));
  }

  @Test
  void bodyIsSignedAsItsJson() throws Exception {
    Value req =
        ObjectValue.ofStrings(
            "method", StringValue.of("get"),
            "url", StringValue.of("http://example.com"),
            "body", ObjectValue.ofStrings("example", set("[1, 2, 3, 4]")));
    assertEquals(
        "5fb06ab1cfd74c8fcb3af95b8cce696708cf6155d971dac10f254d79799c6e88 bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07",
        authorization(req, ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {}                                  | {"aws_access_key": "a", "aws_secret_access_key": "s", "aws_service": "s3", "aws_region": "r"} | error:providers.aws.sign_req: operand 1 missing required request parameters(s): {"method", "url"}
          {"method": [], "url": []}           | {"aws_access_key": "a", "aws_secret_access_key": "s", "aws_service": "s3", "aws_region": "r"} | error:operand 1 invalid values for required request parameters(s): {"method", "url"}
          {"method": "get", "url": "http://x"} | {"example": "example"} | error:operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"}
          {"method": "get", "url": "http://x"} | {"aws_access_key": 1, "aws_secret_access_key": 2, "aws_service": 4, "aws_region": 5} | error:operand 2 invalid values for required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"}
          {"method": "get", "url": "http://x"} | {"aws_access_key": "a", "aws_secret_access_key": "s", "aws_service": "s3", "aws_region": "r", "disable_payload_signing": "false"} | error:operand 2 invalid value for 'disable_payload_signing' in AWS config
          """)
  void invalidArguments(String req, String config, String expected) {
    BuiltinTable.check(
        "providers.aws.sign_req", "[" + req + ", " + config + ", 1451311705000000000]", expected);
  }
}
