package dev.polder.rego.builtins.providers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as OPA's providers.aws.sign_req computes it: the x-amz headers are signed
 * together with every request header (a request header of the same name takes part in the
 * signature), and the Authorization header is returned with the headers to add.
 */
final class AwsSignerV4 {

  private AwsSignerV4() {}

  record Credentials(
      String accessKey, String secretKey, String sessionToken, String region, String service) {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * @param requestHeaders header name to value, as the request carries them
   * @return the headers to set on the request: host, x-amz-*, Authorization
   */
  static Map<String, String> sign(
      String method,
      URI url,
      Map<String, String> requestHeaders,
      byte[] body,
      Credentials creds,
      Instant time,
      boolean unsignedPayload) {
    String payloadHash = unsignedPayload ? "UNSIGNED-PAYLOAD" : hex(sha256(body));
    String date = DATE.format(time);
    String timestamp = TIMESTAMP.format(time);
    Map<String, String> awsHeaders = new TreeMap<>();
    awsHeaders.put("host", url.getRawAuthority());
    awsHeaders.put("x-amz-date", timestamp);
    if (creds.service().equals("s3") || creds.service().equals("glacier")) {
      awsHeaders.put("x-amz-content-sha256", payloadHash);
    }
    if (creds.sessionToken() != null && !creds.sessionToken().isEmpty()) {
      awsHeaders.put("x-amz-security-token", creds.sessionToken());
    }
    Map<String, String> signed = new TreeMap<>(awsHeaders);
    requestHeaders.forEach((k, v) -> signed.put(k.toLowerCase(java.util.Locale.ROOT), v));

    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n');
    canonical.append(url.getRawPath() == null ? "" : url.getRawPath()).append('\n');
    canonical.append(url.getRawQuery() == null ? "" : url.getRawQuery()).append('\n');
    signed.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n');
    String headerList = String.join(";", signed.keySet());
    canonical.append(headerList).append('\n');
    canonical.append(payloadHash);

    String scope = date + "/" + creds.region() + "/" + creds.service() + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + timestamp
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, creds.region());
    key = hmac(key, creds.service());
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));
    awsHeaders.put(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + creds.accessKey()
            + "/"
            + scope
            + ",SignedHeaders="
            + headerList
            + ",Signature="
            + signature);
    return awsHeaders;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
