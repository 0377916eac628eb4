package dev.polder.pii.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every pattern, phone and secret detector of the shipped detectors.yaml against a table of texts:
 * what each must find (type and exact covered text) and what it must leave alone.
 */
class DefaultRegistryDetectorsTest {

  private static DetectionEngine engine;

  @BeforeAll
  static void loadShippedRegistry() throws Exception {
    engine =
        new DetectionEngine(
            DetectorRegistry.fromClasspath(
                new RegistryLoader(RegistryLoader.builtInFactories(), java.util.Set.of("ner"))));
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          Mail jan.de.vries@example.nl today                        | EMAIL_ADDRESS      | jan.de.vries@example.nl
          Call me on +31 20 794 0000 tomorrow                       | PHONE_NUMBER       | +31 20 794 0000
          phone: (212) 555-0143                                     | PHONE_NUMBER       | (212) 555-0143
          Ring Anna, mobile 020 7946 0958                           | PHONE_NUMBER       | 020 7946 0958
          client 192.168.10.42 failed login                         | IP_ADDRESS         | 192.168.10.42
          connect to 10.0.0.1.                                      | IP_ADDRESS         | 10.0.0.1
          from 2001:db8::8a2e:370:7334 via proxy                    | IP_ADDRESS         | 2001:db8::8a2e:370:7334
          card 4111 1111 1111 1111 exp 12/27                        | CREDIT_CARD        | 4111 1111 1111 1111
          pay with 5500005555555559 please                          | CREDIT_CARD        | 5500005555555559
          Amex 3782 822463 10005 on file                            | CREDIT_CARD        | 3782 822463 10005
          IBAN DE89 3704 0044 0532 0130 00 EUR 200                  | IBAN_CODE          | DE89 3704 0044 0532 0130 00
          to NL91ABNA0417164300.                                    | IBAN_CODE          | NL91ABNA0417164300
          routing number 021000021 account 1234                     | ABA_ROUTING_NUMBER | 021000021
          SSN 536-22-1234 on the form                               | US_SSN             | 536-22-1234
          her social security number is 536221234                   | US_SSN             | 536221234
          NHS number 943 476 5919 registered                        | UK_NHS             | 943 476 5919
          passport no. X1234567 expires                             | PASSPORT           | X1234567
          MRN: 00482913 admitted                                    | MEDICAL_RECORD_NUMBER | 00482913
          medical record 7731902 reviewed                           | MEDICAL_RECORD_NUMBER | 7731902
          date of birth: 12/03/1985                                 | DATE_OF_BIRTH      | 12/03/1985
          born on March 12, 1985 in Utrecht                         | DATE_OF_BIRTH      | March 12, 1985
          DOB 1985-03-12                                            | DATE_OF_BIRTH      | 1985-03-12
          key AKIAIOSFODNN7EXAMPLE in env                           | AWS_ACCESS_KEY     | AKIAIOSFODNN7EXAMPLE
          aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | AWS_SECRET_KEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          token ghp_16C7e42F292c6912E7710c838347Ae178B4a in CI      | GITHUB_TOKEN       | ghp_16C7e42F292c6912E7710c838347Ae178B4a
          use glpat-xY3zK9mN2pQ8rT5vW1aB for the API                | GITLAB_TOKEN       | glpat-xY3zK9mN2pQ8rT5vW1aB
          SLACK_BOT=xoxb-2481910221-4803157329-aBcDeFgHiJkLmNoPqRsTuVwX | SLACK_TOKEN   | xoxb-2481910221-4803157329-aBcDeFgHiJkLmNoPqRsTuVwX
          Authorization: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c | JWT | eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
          DATABASE_URL=postgres://app:s3cr3tPw@db.internal:5432/orders | CONNECTION_STRING | postgres://app:s3cr3tPw@db.internal:5432/orders
          Server=sql1;Database=hr;User Id=sa;Password=Xq9!vT2m;      | CONNECTION_STRING  | Xq9!vT2m
          api_key: "9f8e7d6c5b4a39281706f5e4d3c2b1a0"               | SECRET             | 9f8e7d6c5b4a39281706f5e4d3c2b1a0
          client_secret=Zk8Qp3Lr9Xw2Vb7Nm4Ty                        | SECRET             | Zk8Qp3Lr9Xw2Vb7Nm4Ty
          MY_API_KEY: q8Zr3Lp0Xv7Wn2Tb5Ky9                          | SECRET             | q8Zr3Lp0Xv7Wn2Tb5Ky9
          """)
  void findsEntity(String text, String type, String covered) {
    List<Finding> findings = engine.detect(text, DetectionContext.anyLanguage());
    assertTrue(
        findings.stream().anyMatch(f -> f.type().equals(type) && f.textIn(text).equals(covered)),
        () ->
            "expected "
                + type
                + " '"
                + covered
                + "' in '"
                + text
                + "', got "
                + describe(text, findings));
  }

  @ParameterizedTest(name = "nothing in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          Order ORD-2024-558812 shipped on 2024-03-12
          request id 3f2b8c1e-9a4d-4e7f-b6c2-1d5e8f9a0b3c
          upgraded to version 4.12.1 and 10.2.0.1-beta
          at 2024-03-12T10:22:01Z the job ran for 12:30:45
          reference 4111 1111 1111 1112 is not a card
          ISBN 978-0-306-40615-7 in stock
          total price EUR 1,299.00 or $49.99 per month
          invoice 20240312 line 4 qty 12
          meeting at 10:30 in room 4.12
          the build took 15 seconds
          api_key = your_api_key_here
          password: ********
          git commit 9fceb02d0ae598e95dc970b74767f19372d61af8
          prefixghp_16C7e42F292c6912E7710c838347Ae178B4a is glued to a word
          """)
  void findsNothing(String text) {
    List<Finding> findings = engine.detect(text, DetectionContext.anyLanguage());
    assertEquals(List.of(), findings, () -> describe(text, findings));
  }

  @ParameterizedTest(name = "{1} is {2} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          12/03/1985 was a Tuesday                          | DATE_OF_BIRTH  | absent
          born 12/03/1985                                   | DATE_OF_BIRTH  | present
          number 7731902 reviewed                           | MEDICAL_RECORD_NUMBER | absent
          number X1234567 checked                           | PASSPORT       | absent
          code 021000021 noted                              | ABA_ROUTING_NUMBER | absent
          """)
  void contextWordsDecide(String text, String type, String expectation) {
    boolean found =
        engine.detect(text, DetectionContext.anyLanguage()).stream()
            .anyMatch(f -> f.type().equals(type));
    assertEquals(expectation.equals("present"), found, text);
  }

  static String describe(String text, List<Finding> findings) {
    return findings.stream()
        .map(f -> f.type() + "'" + f.textIn(text) + "'(" + f.score() + "," + f.detector() + ")")
        .toList()
        .toString();
  }

  @org.junit.jupiter.api.Test
  void privateKeyBlockIsOneFinding() {
    String text =
        "here:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n"
            + "kQIDAQABAoIBAQC\n-----END RSA PRIVATE KEY-----\nthanks";
    List<Finding> findings = engine.detect(text, DetectionContext.anyLanguage());
    assertEquals(1, findings.size(), describe(text, findings));
    assertTrue(findings.get(0).textIn(text).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    assertTrue(findings.get(0).textIn(text).endsWith("-----END RSA PRIVATE KEY-----"));
    assertEquals(Set.of("PRIVATE_KEY"), Set.of(findings.get(0).type()));
  }

  @org.junit.jupiter.api.Test
  void truncatedPrivateKeyRunsToTheEnd() {
    String text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU";
    List<Finding> findings = engine.detect(text, DetectionContext.anyLanguage());
    assertEquals(1, findings.size());
    assertEquals(text.length(), findings.get(0).end());
  }
}
