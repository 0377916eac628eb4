package dev.polder.runtime.edge;

import dev.polder.connectors.api.SseEvent;
import dev.polder.runtime.audit.trail.AnswerText;
import dev.polder.runtime.audit.trail.CallProperties;
import dev.polder.runtime.pipeline.GatewayCall;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end of a relayed stream. The call ends once the stream's result (usage, error) is known and
 * its events were relayed — or the caller left, when no more will be. The last event ({@code
 * [DONE]} or an error event) is held back until the audit record is durable, so a caller that saw
 * the stream end knows the request was recorded. The signals may come from different event loops.
 */
final class StreamEnd {

  private final GatewayCall call;
  private final HttpServerResponse response;
  private final AnswerText answer;
  private final CallEnding ending;
  private final AtomicReference<SseEvent> last = new AtomicReference<>();
  private final AtomicBoolean eventsEnded = new AtomicBoolean();
  private final AtomicBoolean resultKnown = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();

  StreamEnd(GatewayCall call, HttpServerResponse response, AnswerText answer, CallEnding ending) {
    this.call = call;
    this.response = response;
    this.answer = answer;
    this.ending = ending;
  }

  void last(SseEvent event) {
    last.set(event);
  }

  void eventsEnded() {
    eventsEnded.set(true);
    maybeFinish();
  }

  void resultKnown() {
    resultKnown.set(true);
    maybeFinish();
  }

  void callerLeft() {
    maybeFinish();
  }

  private void maybeFinish() {
    if (!resultKnown.get() || !(eventsEnded.get() || response.closed())) {
      return;
    }
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    if (answer != null) {
      String text = answer.text();
      if (text != null) {
        call.properties().put(CallProperties.ANSWER, text);
      }
    }
    ending.end(
        auditFailure -> {
          if (response.ended() || response.closed()) {
            return;
          }
          if (auditFailure != null) {
            ErrorReplies.send(response, auditFailure);
          } else if (last.get() != null) {
            response.end(last.get().toBuffer());
          } else {
            response.end();
          }
        });
  }
}
