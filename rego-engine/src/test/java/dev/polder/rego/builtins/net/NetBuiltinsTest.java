package dev.polder.rego.builtins.net;

import static dev.polder.rego.builtins.testing.BuiltinTable.set;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          net.cidr_contains   | ["10.0.0.0/8", "10.1.0.0/24"]                         | true
          net.cidr_contains   | ["172.17.0.0/24", "172.17.0.0/16"]                    | false
          net.cidr_contains   | ["10.0.0.0/8", "10.1.2.3"]                            | true
          net.cidr_contains   | ["2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40"] | true
          net.cidr_contains   | ["2001:4860::/96", "2001:4860::/32"]                  | false
          net.cidr_contains   | ["not-a-cidr", "192.168.1.67"]                        | error:invalid CIDR address: not-a-cidr
          net.cidr_contains   | ["192.168.1.0/28", "not-a-cidr"]                      | error:invalid CIDR address
          net.cidr_intersects | ["192.168.1.0/25", "192.168.1.64/25"]                 | true
          net.cidr_intersects | ["fd1e:5bfe:8af3:9ddc::/64", "2001:4860:4860::8888/32"] | false
          net.cidr_is_valid   | ["2002::1234:abcd:ffff:c0a8:101/64"]                  | true
          net.cidr_is_valid   | ["192.168.1.2"]                                       | false
          net.cidr_is_valid   | ["010.1.1.1/8"]                                       | false
          net.cidr_is_valid   | ["1.2.3.4.5/8"]                                       | false
          net.cidr_is_valid   | ["1.2.3/8"]                                           | false
          net.cidr_is_valid   | ["256.1.1.1/8"]                                       | false
          net.cidr_is_valid   | ["1.2.3.4./8"]                                        | false
          net.cidr_is_valid   | ["1.2.3.4/08"]                                        | false
          net.cidr_is_valid   | ["0.0.0.0/0"]                                         | true
          net.cidr_contains   | ["10.0.0.0/8", "10.255.255.255"]                      | true
          net.cidr_contains   | ["10.0.0.0/8", "11.0.0.0"]                            | false
          net.cidr_expand     | ["192.168.1.1/30"]                                    | ["192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"]
          net.cidr_expand     | ["192.168.1.1/33"]                                    | error:net.cidr_expand: invalid CIDR address: 192.168.1.1/33
          net.cidr_merge      | [["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"]] | ["192.0.2.112/29"]
          net.cidr_merge      | [["192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31"]] | ["192.0.2.112/31", "192.0.2.116/30"]
          net.cidr_merge      | [["fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25"]] | ["192.0.2.0/23", "192.0.4.0/24", "fe80::/120"]
          net.cidr_merge      | [["::/0", "::192.0.2.0/124", "ff00::101/128"]]        | ["::/0"]
          net.cidr_merge      | [["192.0.2.112", "192.0.2.116/31"]]                   | ["192.0.2.0/24"]
          net.cidr_merge      | [["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64"]]       | ["2601:600:8a80:207e::/64"]
          net.cidr_merge      | [["2601:600:8a80:207e:a57d:7567:e2c9:e7b3"]]          | error:IPv6 invalid: needs prefix length
          net.cidr_merge      | [["foo"]]                                             | error:net.cidr_merge:
          net.lookup_ip_addr  | ["10.0.0.0"]                                          | ["10.0.0.0"]
          net.lookup_ip_addr  | ["::"]                                                | ["::"]
          net.lookup_ip_addr  | ["0:0:0:0:0:0:0:1"]                                   | ["::1"]
          net.lookup_ip_addr  | ["no-such-host.invalid"]                              | error:lookup no-such-host.invalid:
          net.cidr_contains_matches | [["1.1.2.0/24", "1.1.1.0/24"], ["1.1.1.1", "1.1.2.1"]] | [[0, 1], [1, 0]]
          net.cidr_contains_matches | [{"k1": "1.1.1.1/24", "k2": ["1.1.1.2/24", 1]}, "1.1.1.128"] | [["k1", "1.1.1.128"], ["k2", "1.1.1.128"]]
          net.cidr_contains_matches | [["1.1.2.0/24"], ["1.1.1.1", 1]]               | error:net.cidr_contains_matches: operand 2: element must be string or non-empty array
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void containsMatchesKeysSetMembersByThemselves() {
    BuiltinTable.check(
        "net.cidr_contains_matches",
        new Value[] {set("[\"1.1.1.0/24\", \"1.1.2.0/24\"]"), set("[\"1.1.1.1\", \"1.1.2.1\"]")},
        "[[\"1.1.1.0/24\", \"1.1.1.1\"], [\"1.1.2.0/24\", \"1.1.2.1\"]]");
  }
}
