package dev.polder.rego.builtins.crypto;

import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The fields of Go's x509.Certificate JSON form that policies use: Subject, Issuer, SerialNumber,
 * validity, SANs (DNSNames, EmailAddresses, IPAddresses, URIStrings), IsCA, Raw. Absent lists are
 * null, as Go writes nil slices.
 */
final class CertificateJson {

  private CertificateJson() {}

  static ObjectValue of(X509Certificate cert) {
    ObjectValue.Builder b = ObjectValue.builder();
    try {
      b.put("Raw", StringValue.of(Base64.getEncoder().encodeToString(cert.getEncoded())));
    } catch (CertificateEncodingException e) {
      b.put("Raw", Value.nullValue());
    }
    b.put("Version", NumberValue.of(cert.getVersion()));
    b.put("SerialNumber", NumberValue.of(cert.getSerialNumber()));
    b.put("Subject", name(cert.getSubjectX500Principal()));
    b.put("Issuer", name(cert.getIssuerX500Principal()));
    DateTimeFormatter rfc3339 = DateTimeFormatter.ISO_INSTANT;
    b.put("NotBefore", StringValue.of(rfc3339.format(cert.getNotBefore().toInstant())));
    b.put("NotAfter", StringValue.of(rfc3339.format(cert.getNotAfter().toInstant())));
    b.put("IsCA", BooleanValue.of(cert.getBasicConstraints() >= 0));
    b.put("BasicConstraintsValid", BooleanValue.of(cert.getBasicConstraints() >= 0));
    b.put("DNSNames", sans(cert, 2));
    b.put("EmailAddresses", sans(cert, 1));
    b.put("IPAddresses", sans(cert, 7));
    b.put("URIStrings", sans(cert, 6));
    b.put("SignatureAlgorithm", StringValue.of(cert.getSigAlgName()));
    b.put("PublicKeyAlgorithm", StringValue.of(cert.getPublicKey().getAlgorithm()));
    return b.build();
  }

  private static Value sans(X509Certificate cert, int type) {
    List<Value> out = new ArrayList<>();
    try {
      Collection<List<?>> all = cert.getSubjectAlternativeNames();
      if (all != null) {
        for (List<?> san : all) {
          if (((Integer) san.get(0)) == type) {
            out.add(StringValue.of(String.valueOf(san.get(1))));
          }
        }
      }
    } catch (CertificateParsingException e) {
      return Value.nullValue();
    }
    return out.isEmpty() ? Value.nullValue() : ArrayValue.of(out);
  }

  /** Go's pkix.Name: single-valued CommonName/SerialNumber, list-valued others (null if none). */
  static ObjectValue name(X500Principal principal) {
    List<Value> country = new ArrayList<>();
    List<Value> org = new ArrayList<>();
    List<Value> unit = new ArrayList<>();
    List<Value> locality = new ArrayList<>();
    List<Value> province = new ArrayList<>();
    List<Value> street = new ArrayList<>();
    List<Value> postal = new ArrayList<>();
    String cn = "";
    String serial = "";
    try {
      for (Rdn rdn : new LdapName(principal.getName(X500Principal.RFC2253)).getRdns()) {
        String v = String.valueOf(rdn.getValue());
        switch (rdn.getType().toUpperCase(java.util.Locale.ROOT)) {
          case "CN" -> cn = v;
          case "C" -> country.add(StringValue.of(v));
          case "O" -> org.add(StringValue.of(v));
          case "OU" -> unit.add(StringValue.of(v));
          case "L" -> locality.add(StringValue.of(v));
          case "ST" -> province.add(StringValue.of(v));
          case "STREET" -> street.add(StringValue.of(v));
          case "2.5.4.17" -> postal.add(StringValue.of(v));
          case "2.5.4.5" -> serial = v;
          default -> {
            // other attributes are not part of Go's pkix.Name fields
          }
        }
      }
    } catch (InvalidNameException e) {
      // leave the fields empty
    }
    return ObjectValue.ofStrings(
        "CommonName", StringValue.of(cn),
        "SerialNumber", StringValue.of(serial),
        "Country", list(country),
        "Organization", list(org),
        "OrganizationalUnit", list(unit),
        "Locality", list(locality),
        "Province", list(province),
        "StreetAddress", list(street),
        "PostalCode", list(postal));
  }

  private static Value list(List<Value> values) {
    return values.isEmpty() ? Value.nullValue() : ArrayValue.of(values);
  }
}
