package dev.polder.runtime.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code ./polder run}, against the packaged gateway: the first run
 * answers and records the class-data archive when it stops; the second run starts from that archive
 * ({@code -Xshare:on} makes the JVM refuse to start if it cannot use it).
 */
class LauncherIT {

  private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

  @TempDir Path scratch;

  @Test
  void firstRunRecordsTheArchiveAndTheNextStartsFromIt() throws Exception {
    Path archive = scratch.resolve("polder.jsa");

    String first = runOnce(archive, "");
    assertTrue(Files.size(archive) > 0, "no class-data archive after the first run\n" + first);

    runOnce(archive, "-Xshare:on");
  }

  /** Starts {@code ./polder run}, asks {@code GET /v1/models}, stops it; returns its output. */
  private String runOnce(Path archive, String javaOpts) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(
                root.resolve("polder").toString(),
                "run",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=0",
                "-Dpolder.audit.directory=" + scratch.resolve("audit"),
                "-Dpolder.detect.ner.enabled=false",
                "-Dpolder.decision.reload=false",
                "-Dpolder.routes.reload=false")
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("POLDER_CDS_ARCHIVE", archive.toString());
    builder.environment().put("POLDER_JAVA_OPTS", javaOpts);
    Process gateway = builder.start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(gateway, lines, port), "launcher-it-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int listening = port.get(5, TimeUnit.MINUTES);
      HttpResponse<String> models =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listening + "/v1/models"))
                      .header("Authorization", "Bearer polder-demo-key")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, models.statusCode(), models.body());
    } catch (Exception | AssertionError e) {
      throw new AssertionError("the gateway did not answer:\n" + output(lines), e);
    } finally {
      gateway.destroy();
      assertTrue(gateway.waitFor(3, TimeUnit.MINUTES), "the gateway did not stop");
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
    return output(lines);
  }

  private static void read(Process gateway, List<String> lines, CompletableFuture<Integer> port) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("the gateway exited"));
  }

  private static String output(List<String> lines) {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
