package dev.polder.pii.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;

/**
 * The labelled evaluation set: realistic prompts (tickets, e-mails, HR and medical notes, code and
 * configuration with secrets, logs, chats) with names from many languages and scripts, and clean
 * texts full of look-alikes (order numbers, UUIDs, versions, timestamps, ISBNs, prices, 16-digit
 * numbers failing Luhn) that must not be flagged. Generated with a fixed seed.
 */
final class EvaluationCorpus {

  static final long SEED = 20261124L;

  /** Locales whose names are used, Latin and non-Latin scripts. */
  static final List<String> NAME_LOCALES =
      List.of(
          "en-US", "en-GB", "de", "nl", "fr", "es", "it", "pl", "pt-BR", "tr", "vi", "ru", "uk",
          "el-GR", "he", "ar", "fa", "ja", "ko", "zh-CN", "th", "hy", "ka");

  private final Random random = new Random(SEED);
  private final SyntheticValues values = new SyntheticValues(random);
  private final Faker en = new Faker(Locale.ENGLISH, random);
  private final List<Faker> nameFakers = new ArrayList<>();

  EvaluationCorpus() {
    for (String tag : NAME_LOCALES) {
      nameFakers.add(new Faker(Locale.forLanguageTag(tag), random));
    }
  }

  List<LabelledText> generate(int withPii, int clean) {
    List<LabelledText> texts = new ArrayList<>();
    for (int i = 0; i < withPii; i++) {
      texts.add(
          switch (i % 8) {
            case 0 -> ticket();
            case 1 -> email();
            case 2 -> hrNote();
            case 3 -> medicalNote();
            case 4 -> codeWithSecrets();
            case 5 -> logLines();
            case 6 -> chat();
            default -> payment();
          });
    }
    for (int i = 0; i < clean; i++) {
      texts.add(cleanText(i));
    }
    return texts;
  }

  /** A person's name from a random locale; CJK names are written without a space. */
  String name() {
    Faker f = values.pick(nameFakers);
    String language = f.getContext().getLocale().getLanguage();
    String first = f.name().firstName();
    String last = f.name().lastName();
    if (language.equals("ja") || language.equals("zh") || language.equals("ko")) {
      return last + first;
    }
    return first + " " + last;
  }

  private LocalDate birthDate() {
    return LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  private LabelledText ticket() {
    String name = name();
    return new LabelledText.Builder("ticket")
        .text("Ticket #" + (10000 + random.nextInt(90000)) + ": customer ")
        .pii("PERSON", name)
        .text(" cannot log in since the upgrade to version 4." + random.nextInt(20) + ". ")
        .text("Please call back on ")
        .pii("PHONE_NUMBER", values.phone(values.pick(List.of("NL", "DE", "GB", "FR", "US")), true))
        .text(" or write to ")
        .pii("EMAIL_ADDRESS", en.internet().emailAddress())
        .text(
            ". Order ORD-" + (2024 + random.nextInt(2)) + "-" + values.digits(6) + " is affected.")
        .build();
  }

  private LabelledText email() {
    String sender = name();
    String recipient = name();
    return new LabelledText.Builder("email")
        .text("Hi ")
        .pii("PERSON", recipient)
        .text(
            ",\n\nthanks for the quick reply. I updated my details in the portal, and my IBAN is ")
        .pii("IBAN_CODE", values.iban())
        .text(" for the refund of EUR " + (10 + random.nextInt(900)) + ".50.\n\nBest regards,\n")
        .pii("PERSON", sender)
        .text("\n")
        .pii("EMAIL_ADDRESS", en.internet().emailAddress())
        .build();
  }

  private LabelledText hrNote() {
    String name = name();
    return new LabelledText.Builder("hr")
        .text("HR note: employee ")
        .pii("PERSON", name)
        .text(", date of birth ")
        .pii("DATE_OF_BIRTH", values.dateOfBirth(birthDate()))
        .text(", SSN ")
        .pii("US_SSN", values.ssn())
        .text(", starts on 2025-0" + (1 + random.nextInt(9)) + "-01 in the finance team. ")
        .text("Passport number ")
        .pii("PASSPORT", values.passport())
        .text(" was checked by ")
        .pii("PERSON", name())
        .text(".")
        .build();
  }

  private LabelledText medicalNote() {
    return new LabelledText.Builder("medical")
        .text("Patient ")
        .pii("PERSON", name())
        .text(" (MRN: ")
        .pii("MEDICAL_RECORD_NUMBER", values.mrn())
        .text(", NHS number ")
        .pii("UK_NHS", values.nhs())
        .text(") was born on ")
        .pii("DATE_OF_BIRTH", values.dateOfBirth(birthDate()))
        .text(
            ". Prescribed "
                + (5 + random.nextInt(50))
                + " mg twice daily; review in "
                + (2 + random.nextInt(10))
                + " weeks.")
        .build();
  }

  private LabelledText codeWithSecrets() {
    LabelledText.Builder b = new LabelledText.Builder("code");
    switch (random.nextInt(4)) {
      case 0 ->
          b.text("export AWS_ACCESS_KEY_ID=")
              .pii("AWS_ACCESS_KEY", values.awsAccessKey())
              .text("\nexport aws_secret_access_key=")
              .pii("AWS_SECRET_KEY", values.awsSecret())
              .text("\nterraform apply -var region=eu-west-1");
      case 1 ->
          b.text("spring:\n  datasource:\n    url: ")
              .pii("CONNECTION_STRING", values.connectionUrl("app"))
              .text("\n  github:\n    token: ")
              .pii("GITHUB_TOKEN", values.githubToken())
              .text("\n  version: 3.2.1");
      case 2 ->
          b.text("curl -H 'Authorization: Bearer ")
              .pii("JWT", values.jwt())
              .text("' https://api.example.com/v2/orders?limit=50\n# slack: ")
              .pii("SLACK_TOKEN", values.slackToken());
      default ->
          b.text("Why does this fail?\n```\nconfig = {\"api_key\": \"")
              .pii("SECRET", values.genericSecret())
              .text("\", \"timeout\": 30}\nGITLAB_TOKEN=")
              .pii("GITLAB_TOKEN", values.gitlabToken())
              .text("\n```\nAlso the deploy key:\n")
              .pii("PRIVATE_KEY", values.privateKey());
    }
    return b.build();
  }

  private LabelledText logLines() {
    String ts =
        "2025-0"
            + (1 + random.nextInt(9))
            + "-1"
            + random.nextInt(10)
            + "T0"
            + random.nextInt(10)
            + ":1"
            + random.nextInt(10)
            + ":2"
            + random.nextInt(10)
            + "Z";
    LabelledText.Builder b =
        new LabelledText.Builder("log")
            .text(ts + " INFO  auth  login ok user=")
            .pii("EMAIL_ADDRESS", en.internet().emailAddress())
            .text(" src=")
            .pii("IP_ADDRESS", values.ipv4())
            .text(" request_id=" + UUID.nameUUIDFromBytes(values.digits(8).getBytes()) + "\n")
            .text(ts + " WARN  api   rate limit for client ");
    if (random.nextBoolean()) {
      b.pii("IP_ADDRESS", values.ipv6());
    } else {
      b.pii("IP_ADDRESS", values.ipv4());
    }
    return b.text(
            " after "
                + (100 + random.nextInt(900))
                + " requests in 60s (build 7."
                + random.nextInt(10)
                + "."
                + random.nextInt(30)
                + ")")
        .build();
  }

  private LabelledText chat() {
    String name = name();
    boolean lower = random.nextBoolean();
    String shown = lower ? name.toLowerCase(Locale.ROOT) : name;
    LabelledText.Builder b =
        new LabelledText.Builder("chat")
            .text("hey, can you ask ")
            .pii("PERSON", shown)
            .text(" to send the slides before friday? ");
    if (random.nextBoolean()) {
      b.text("her number is ")
          .pii("PHONE_NUMBER", values.phone(values.pick(List.of("US", "GB", "DE")), false));
    } else {
      b.text("my mobile is ")
          .pii("PHONE_NUMBER", values.phone(values.pick(List.of("NL", "FR", "GB", "US")), true));
    }
    return b.text(" thx").build();
  }

  private LabelledText payment() {
    LabelledText.Builder b =
        new LabelledText.Builder("payment")
            .text("Please charge card ")
            .pii("CREDIT_CARD", values.creditCard())
            .text(
                " (exp 0"
                    + (1 + random.nextInt(9))
                    + "/2"
                    + (6 + random.nextInt(4))
                    + ") for $"
                    + (10 + random.nextInt(990))
                    + ".99 and wire the rest: routing number ")
            .pii("ABA_ROUTING_NUMBER", values.aba())
            .text(", account holder ")
            .pii("PERSON", name())
            .text(".");
    return b.build();
  }

  private LabelledText cleanText(int i) {
    LabelledText.Builder b = new LabelledText.Builder("clean");
    switch (i % 8) {
      case 0 ->
          b.text(
              "Order ORD-"
                  + values.digits(4)
                  + "-"
                  + values.digits(6)
                  + " shipped on "
                  + "2025-0"
                  + (1 + random.nextInt(9))
                  + "-1"
                  + random.nextInt(10)
                  + "; invoice "
                  + values.digits(8)
                  + " totals EUR "
                  + random.nextInt(3000)
                  + "."
                  + values.digits(2)
                  + ".");
      case 1 ->
          b.text(
              "Trace "
                  + UUID.nameUUIDFromBytes(values.digits(10).getBytes())
                  + " finished at 2025-03-1"
                  + random.nextInt(10)
                  + "T10:2"
                  + random.nextInt(10)
                  + ":01.123Z after "
                  + random.nextInt(900)
                  + " ms.");
      case 2 ->
          b.text(
              "Upgrade from "
                  + random.nextInt(10)
                  + "."
                  + random.nextInt(20)
                  + "."
                  + random.nextInt(30)
                  + " to "
                  + random.nextInt(10)
                  + "."
                  + random.nextInt(20)
                  + "."
                  + random.nextInt(30)
                  + "-rc"
                  + random.nextInt(5)
                  + " fixed the memory leak.");
      case 3 ->
          b.text(
              "Reference number "
                  + values.luhnFailing16()
                  + " is a legacy account key, not a card.");
      case 4 ->
          b.text(
              "ISBN 978-"
                  + random.nextInt(10)
                  + "-"
                  + values.digits(3)
                  + "-"
                  + values.digits(5)
                  + "-"
                  + random.nextInt(10)
                  + " costs $"
                  + (5 + random.nextInt(60))
                  + ".99, shipping 4.95.");
      case 5 ->
          b.text(
              "The quarterly report shows revenue of "
                  + (1 + random.nextInt(90))
                  + "."
                  + random.nextInt(10)
                  + " million, up "
                  + random.nextInt(30)
                  + "% from last year.");
      case 6 ->
          b.text(
              "Build #"
                  + values.digits(5)
                  + " of commit "
                  + values.chars("0123456789abcdef", 40)
                  + " passed "
                  + random.nextInt(2000)
                  + " tests in "
                  + random.nextInt(60)
                  + ":"
                  + (10 + random.nextInt(50))
                  + ".");
      default ->
          b.text(
              "Meeting moved to room "
                  + random.nextInt(9)
                  + "."
                  + (10 + random.nextInt(40))
                  + " at 10:30; bring the Q"
                  + (1 + random.nextInt(4))
                  + " numbers.");
    }
    return b.build();
  }
}
