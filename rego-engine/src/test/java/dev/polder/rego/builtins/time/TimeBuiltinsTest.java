package dev.polder.rego.builtins.time;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          time.parse_ns  | ["2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00"]    | 1496455200000000000
          time.parse_ns  | ["2006-01-02T15:04:05Z07:00", "1677-09-21T00:12:43.145224192-00:00"] | -9223372036854775808
          time.parse_ns  | ["2006-01-02T15:04:05Z07:00", "2262-04-11T23:47:16.854775807-00:00"] | 9223372036854775807
          time.parse_ns  | ["01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"]  | 1496455200000000000
          time.parse_ns  | ["02 Jan 06 15:04 -0700", "02 Jun 17 19:00 -0700"]            | 1496455200000000000
          time.parse_ns  | ["RFC822Z", "02 Jun 17 19:00 -0700"]                          | 1496455200000000000
          time.parse_ns  | ["2006-01-02", "2020-02-02"]                                  | 1580601600000000000
          time.parse_ns  | ["Mon Jan _2 15:04:05 2006", "Tue Feb  4 10:00:00 2020"]      | 1580810400000000000
          time.parse_ns  | ["2006-01-02T15:04:05Z07:00", "1677-09-21T00:12:43.145224191-00:00"] | error:time outside of valid range
          time.parse_ns  | ["2006-01-02", "2020-13-02"]                                  | error:cannot parse
          time.parse_ns  | ["2006-01-02", "2020-02-30"]                                  | error:day out of range
          time.parse_rfc3339_ns | ["1970-01-01T00:00:00-00:00"]                          | 0
          time.parse_rfc3339_ns | ["2262-04-11T23:47:16.854775808-00:00"]                | error:time outside of valid range
          time.parse_duration_ns | ["100ms"]                                             | 100000000
          time.parse_duration_ns | ["1h30m"]                                             | 5400000000000
          time.parse_duration_ns | ["-1.5s"]                                             | -1500000000
          time.parse_duration_ns | ["1d"]                                                | error:time: unknown unit "d" in duration "1d"
          time.parse_duration_ns | ["10"]                                                | error:time: missing unit in duration "10"
          time.date      | [1517814000000000000]                                         | [2018, 2, 5]
          time.date      | [[1517814000000000000, "America/Los_Angeles"]]                | [2018, 2, 4]
          time.date      | [[1517832000000000000, ""]]                                   | [2018, 2, 5]
          time.date      | [1582977600000000000000]                                      | error:timestamp too big
          time.date      | [[1, "Mars/Olympus"]]                                         | error:unknown time zone Mars/Olympus
          time.clock     | [[1517832000000000000, "America/New_York"]]                   | [7, 0, 0]
          time.weekday   | [1517918400000000000]                                         | "Tuesday"
          time.add_date  | [1585852421593912000, 3, 9, 12]                               | 1705257221593912000
          time.add_date  | [1585852421593912000, -1, -1, -1]                             | 1551465221593912000
          time.add_date  | [0, 2262, 1, 1]                                               | error:time outside of valid range
          time.add_date  | [-9223372036854775808, 0, 0, -1]                              | error:time outside of valid range
          time.diff      | [1580601600000000000, 1583020800000000000]                    | [0, 0, 28, 0, 0, 0]
          time.diff      | [1612224000000000000, 1614556800000000000]                    | [0, 0, 27, 0, 0, 0]
          time.diff      | [1078012800000000000, 1109635200000000000]                    | [1, 0, 1, 0, 0, 0]
          time.format    | [1670006453141828752]                                         | "2022-12-02T18:40:53.141828752Z"
          time.format    | [[1670006453141828752, "Asia/Kolkata"]]                       | "2022-12-03T00:10:53.141828752+05:30"
          time.format    | [[1670006453141828752, "Asia/Kolkata", "Mon Jan 02 15:04:05 -0700 2006"]] | "Sat Dec 03 00:10:53 +0530 2022"
          time.format    | [[1670006453141828752, "Asia/Kolkata", "RFC1123Z"]]           | "Sat, 03 Dec 2022 00:10:53 +0530"
          time.format    | [[1670006453000000000, "UTC", "3:04PM .000 January _2 002"]]  | "6:40PM .000 December  2 336"
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void nowIsTheEvaluationClock() {
    BuiltinTable.check("time.now_ns", "[]", Long.toString(BuiltinTable.NOW_NS));
  }
}
