package dev.polder.runtime.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process that prints {@code ACK <fields...>} for every record it got acknowledged, kills it
 * with SIGKILL ({@link Process#destroyForcibly()} on Linux) once enough acknowledgements were seen,
 * and returns every acknowledgement it printed before it died. Reusable for any process that prints
 * that protocol: the audit load driver here, the gateway under load later.
 */
public final class KillMidLoad {
  private KillMidLoad() {}

  /** The fields of each ACK line, in the order printed, and the process's stderr. */
  public record Outcome(List<String[]> acks, String stderr) {}

  /** The command line that runs {@code mainClass} in a fresh JVM on this JVM's classpath. */
  public static List<String> javaCommand(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }

  public static Outcome run(
      List<String> command, int killAfterAcks, Duration timeout, Path stderrFile)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
    List<String[]> acks = new ArrayList<>();
    CountDownLatch enough = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  if (line.startsWith("ACK ")) {
                    synchronized (acks) {
                      acks.add(line.substring(4).split(" "));
                      if (acks.size() >= killAfterAcks) {
                        enough.countDown();
                      }
                    }
                  }
                }
              } catch (IOException e) {
                // the pipe closes when the process dies
              }
            },
            "kill-mid-load-reader");
    reader.start();
    boolean reached = enough.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    process.destroyForcibly();
    process.waitFor();
    reader.join(); // everything the process wrote before it died is still read from the pipe
    String stderr = Files.readString(stderrFile);
    if (!reached) {
      throw new AssertionError(
          "only "
              + acks.size()
              + " of "
              + killAfterAcks
              + " acknowledgements within "
              + timeout
              + "; process stderr:\n"
              + stderr);
    }
    return new Outcome(List.copyOf(acks), stderr);
  }
}
