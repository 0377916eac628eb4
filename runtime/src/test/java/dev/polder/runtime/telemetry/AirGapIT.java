package dev.polder.runtime.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Air-gapped by default: the packaged gateway, with every feature on and telemetry at its defaults,
 * runs in a network namespace of its own where only loopback exists ({@code unshare -n}, as root),
 * serves traffic, and holds no socket except its own listener, its callers and the backends its
 * configuration names. Where no namespace can be made, the same socket check runs on the host. Runs
 * in {@code verify} (failsafe), once the gateway is packaged.
 */
class AirGapIT {

  @TempDir Path scratch;

  @Test
  void theGatewayTalksOnlyToItsConfiguredBackends() throws Exception {
    Path jar =
        Path.of(System.getProperty("polder.gateway.jar", "target/quarkus-app/quarkus-run.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " is missing: package the runtime first");
    List<String> driver = new ArrayList<>();
    driver.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    driver.add("-Xmx256m");
    driver.add("-cp");
    driver.add(System.getProperty("java.class.path"));
    driver.add(AirGapDriver.class.getName());
    driver.add(jar.toString());
    driver.add(Path.of("..").toAbsolutePath().normalize().toString());
    driver.add(scratch.resolve("run").toString());
    // Extra gateway settings, only to watch this test fail on purpose (see runtime/README.md).
    driver.add(System.getProperty("polder.airgap.extra", ""));

    boolean isolated = namespacesWork();
    List<String> command = new ArrayList<>();
    if (isolated) {
      // A new network namespace: nothing but a loopback device, brought up here.
      command.addAll(
          List.of("unshare", "-n", "--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""));
    }
    command.addAll(driver);
    System.out.println("air-gap check " + (isolated ? "in its own network namespace" : "on host"));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
      }
    }
    assertTrue(process.waitFor(6, TimeUnit.MINUTES), "the driver did not finish");
    String report = String.join("\n", lines);
    System.out.println(report);
    Path log = scratch.resolve("run").resolve("gateway.log");
    String gatewayLog = Files.exists(log) ? Files.readString(log) : "(no gateway log)";
    assertEquals(0, process.exitValue(), report + "\n--- gateway log\n" + gatewayLog);
    assertTrue(lines.contains("DONE"), report);

    // The traffic was served.
    List<String> traffic = lines.stream().filter(l -> l.startsWith("TRAFFIC ")).toList();
    assertEquals(40, traffic.size(), report);
    for (String line : traffic) {
      boolean badJson =
          line.startsWith("TRAFFIC POST /v1/chat/completions") && line.endsWith(" 400");
      assertTrue(line.endsWith(" 200") || badJson, line + "\n" + report + "\n" + gatewayLog);
    }
    // The watcher saw the calls to the backends (so it sees outbound connections at all) ...
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("SOCKET tcp") && l.contains("ESTABLISHED")),
        report);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("BACKEND-REQUESTS 0 ")), report);
    // ... and nothing else: no collector, no call home, no name lookups.
    assertEquals(
        List.of(),
        lines.stream().filter(l -> l.startsWith("VIOLATION ")).toList(),
        report + "\n--- gateway log\n" + gatewayLog);
    for (String attempt :
        List.of(
            "UnknownHost",
            "Network is unreachable",
            "ConnectException",
            "Spans are exported",
            "Metrics are pushed")) {
      assertFalse(gatewayLog.contains(attempt), attempt + " in\n" + gatewayLog);
    }
  }

  /** Whether this machine lets us make a network namespace with a working loopback. */
  private static boolean namespacesWork() {
    try {
      Process probe =
          new ProcessBuilder("unshare", "-n", "--", "sh", "-c", "ip link set lo up")
              .redirectErrorStream(true)
              .start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
