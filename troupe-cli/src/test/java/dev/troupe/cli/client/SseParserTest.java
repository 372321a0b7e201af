package dev.troupe.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private static final String STREAM =
      ": keep-alive\n\n"
          + "id: 7\nevent: ADDED\ndata: {\"a\":1}\n\n"
          + "id: 8\r\nevent: MODIFIED\r\ndata: line one\r\ndata: line two\r\n\r\n"
          + "data:no-space\rdata:  two spaces\r\r"
          + ": comment\nevent: DELETED\ndata\n\n";

  private static List<SseEvent> parseInChunks(String text, int size) {
    SseParser p = new SseParser();
    List<SseEvent> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      out.addAll(p.feed(text.substring(i, Math.min(text.length(), i + size))));
    }
    return out;
  }

  @Test
  void parsesIdsTypesMultiLineDataAndEveryLineEnding() {
    List<SseEvent> events = parseInChunks(STREAM, STREAM.length());

    assertThat(events)
        .containsExactly(
            new SseEvent("7", "ADDED", "{\"a\":1}"),
            new SseEvent("8", "MODIFIED", "line one\nline two"),
            new SseEvent("8", "message", "no-space\n two spaces"),
            new SseEvent("8", "DELETED", ""));
  }

  @Test
  void fragmentsOfAnySizeGiveTheSameEvents() {
    List<SseEvent> whole = parseInChunks(STREAM, STREAM.length());
    for (int size = 1; size <= 7; size++) {
      assertThat(parseInChunks(STREAM, size)).as("chunks of %d", size).isEqualTo(whole);
    }
  }

  @Test
  void commentsAreCountedAndNeverDispatched() {
    SseParser p = new SseParser();

    assertThat(p.feed(": keep-alive\n\n: keep-alive\n\n")).isEmpty();
    assertThat(p.comments()).isEqualTo(2);
  }

  @Test
  void anEventWithoutDataKeepsItsIdAndAnUnfinishedEventWaits() {
    SseParser p = new SseParser();

    assertThat(p.feed("id: 41\n\n")).isEmpty();
    assertThat(p.lastEventId()).isEqualTo("41");
    assertThat(p.feed("id: 42\ndata: x\n")).isEmpty();
    assertThat(p.feed("\n")).containsExactly(new SseEvent("42", "message", "x"));
  }

  @Test
  void retryIsReadAndUnknownFieldsIgnored() {
    SseParser p = new SseParser();

    assertThat(p.feed("retry: 1500\nfoo: bar\ndata: y\n\n"))
        .containsExactly(new SseEvent("", "message", "y"));
    assertThat(p.retryMillis()).isEqualTo(1500);
  }
}
