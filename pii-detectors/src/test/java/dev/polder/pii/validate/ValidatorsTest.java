package dev.polder.pii.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each validator against a table of valid and invalid inputs (validator, input, expected). */
class ValidatorsTest {

  @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          luhn        | 4111 1111 1111 1111            | true
          luhn        | 4111-1111-1111-1111            | true
          luhn        | 5500005555555559               | true
          luhn        | 378282246310005                | true
          luhn        | 6011111111111117               | true
          luhn        | 4111 1111 1111 1112            | false
          luhn        | 1234567812345678               | false
          luhn        | 0000 0000 0000 0000            | false
          luhn        | 42                             | false
          iban        | NL91 ABNA 0417 1643 00         | true
          iban        | NL91ABNA0417164300             | true
          iban        | DE89 3704 0044 0532 0130 00    | true
          iban        | GB29 NWBK 6016 1331 9268 19    | true
          iban        | FR14 2004 1010 0505 0001 3M02 606 | true
          iban        | NO93 8601 1117 947             | true
          iban        | MT84 MALT 0110 0001 2345 MTLC AST0 01S | true
          iban        | BE68 5390 0754 7034            | true
          iban        | NL91 ABNA 0417 1643 01         | false
          iban        | DE89 3704 0044 0532 0130 0     | false
          iban        | XX89 3704 0044 0532 0130 00    | false
          iban        | NL91ABNA041716430              | false
          us-ssn      | 536-22-1234                    | true
          us-ssn      | 536 22 1234                    | true
          us-ssn      | 536221234                      | true
          us-ssn      | 000-22-1234                    | false
          us-ssn      | 666-22-1234                    | false
          us-ssn      | 912-22-1234                    | false
          us-ssn      | 536-00-1234                    | false
          us-ssn      | 536-22-0000                    | false
          us-ssn      | 078-05-1120                    | false
          us-ssn      | 536-22 1234                    | false
          aba-routing | 011000015                      | true
          aba-routing | 021000021                      | true
          aba-routing | 122105155                      | true
          aba-routing | 021000022                      | false
          aba-routing | 991000014                      | false
          aba-routing | 000000000                      | false
          ip          | 192.168.1.20                   | true
          ip          | 8.8.8.8                        | true
          ip          | 255.255.255.255                | true
          ip          | 256.1.1.1                      | false
          ip          | 01.2.3.4                       | false
          ip          | 1.2.3                          | false
          ip          | 2001:db8::8a2e:370:7334        | true
          ip          | 2001:0db8:85a3:0000:0000:8a2e:0370:7334 | true
          ip          | ::1                            | true
          ip          | ::ffff:192.0.2.128             | true
          ip          | fe80::1%eth0                   | true
          ip          | 2001:db8::1::2                 | false
          ip          | 10:22:01                       | false
          ip          | 12345::1                       | false
          email       | jan.de.vries@example.nl        | true
          email       | o'brien+tag@mail.co.uk         | true
          email       | a@b.io                         | true
          email       | .jan@example.com               | false
          email       | jan..vries@example.com         | false
          email       | jan@example                    | false
          email       | jan@-example.com               | false
          email       | jan@example.c0m                | false
          uk-nhs      | 943 476 5919                   | true
          uk-nhs      | 9434765919                     | true
          uk-nhs      | 401 023 2137                   | true
          uk-nhs      | 943 476 5918                   | false
          uk-nhs      | 1111111111                     | false
          uk-nhs      | 123 456 7890                   | false
          date        | 1985-03-12                     | true
          date        | 12/03/1985                     | true
          date        | 03/31/1985                     | true
          date        | 12.03.1985                     | true
          date        | 12 March 1985                  | true
          date        | 3rd Jan 1990                   | true
          date        | March 12, 1985                 | true
          date        | 1985-02-30                     | false
          date        | 31/31/1985                     | false
          date        | 12/03/1850                     | false
          date        | 12 Smarch 1985                 | false
          entropy     | 8f3Kq9zLmP2xR7vT               | true
          entropy     | sk-live-9aF3kQ0zX8bW2mL5       | true
          entropy     | aaaaaaaaaaaaaaaa1              | false
          entropy     | your_api_key_here1             | false
          entropy     | passwordpassword               | false
          entropy     | 8dc6b8362600a6244442d80ec9346c55 | true
          entropy     | deadbeefdeadbeef1              | false
          jwt         | eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c | true
          jwt         | eyJub3RhbGciOiJ4In0.eyJzdWIiOiIxIn0.abc | false
          jwt         | eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.abc | false
          jwt         | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0 | false
          url-credentials | postgres://app:s3cr3t@db.internal:5432/orders | true
          url-credentials | https://user:p%40ss@example.com | true
          url-credentials | https://example.com/a@b     | false
          url-credentials | ftp://user@example.com      | false
          url-credentials | mongodb://:pw@host          | false
          """)
  void validatorTable(String validator, String input, boolean expected) {
    Validator v = Validators.byName(validator).orElseThrow();
    assertEquals(expected, v.isValid(input), validator + " on " + input);
  }
}
