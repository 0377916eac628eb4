package dev.polder.rego.builtins.crypto;

import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;

/**
 * PKCS#10 certificate requests (the JDK has no public parser): just enough DER reading to give
 * policies the subject, as Go's x509.CertificateRequest JSON names it.
 */
final class CertificateRequests {

  private CertificateRequests() {}

  /** A DER element: tag, and where its content starts and ends in the buffer. */
  private record Tlv(int tag, int start, int end) {
    int next() {
      return end;
    }
  }

  private static Tlv read(byte[] der, int at, int limit) throws BuiltinException {
    if (at + 2 > limit) {
      throw structureError();
    }
    int tag = der[at] & 0xff;
    int len = der[at + 1] & 0xff;
    int pos = at + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      if (n == 0 || n > 4 || pos + n > limit) {
        throw structureError();
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (der[pos + i] & 0xff);
      }
      pos += n;
    }
    if (len < 0 || pos + len > limit) {
      throw structureError();
    }
    return new Tlv(tag, pos, pos + len);
  }

  private static BuiltinException structureError() {
    return BuiltinException.error("asn1: structure error: tags don't match");
  }

  static ObjectValue parse(byte[] der) throws BuiltinException {
    Tlv outer = read(der, 0, der.length);
    if (outer.tag() != 0x30) {
      throw structureError();
    }
    Tlv info = read(der, outer.start(), outer.end());
    if (info.tag() != 0x30) {
      throw structureError();
    }
    Tlv version = read(der, info.start(), info.end());
    if (version.tag() != 0x02) {
      throw structureError();
    }
    Tlv subject = read(der, version.next(), info.end());
    if (subject.tag() != 0x30) {
      throw structureError();
    }
    int subjectStart = version.next();
    X500Principal principal;
    try {
      principal = new X500Principal(Arrays.copyOfRange(der, subjectStart, subject.end()));
    } catch (IllegalArgumentException e) {
      throw structureError();
    }
    BigInteger v = new BigInteger(Arrays.copyOfRange(der, version.start(), version.end()));
    return ObjectValue.ofStrings(
        "Raw", StringValue.of(Base64.getEncoder().encodeToString(Arrays.copyOf(der, outer.end()))),
        "Version", NumberValue.of(v),
        "Subject", CertificateJson.name(principal));
  }
}
