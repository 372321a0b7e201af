package dev.troupe.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.delivery.LineDiff.Edit;
import dev.troupe.cli.delivery.LineDiff.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Myers' diff: the script rebuilds both sides and is as short as the LCS allows. */
class LineDiffTest {

  @Test
  void equalListsAreAllKept() {
    List<Edit> edits = LineDiff.diff(List.of("a", "b"), List.of("a", "b"));
    assertThat(edits).extracting(Edit::op).containsExactly(Op.EQUAL, Op.EQUAL);
  }

  @Test
  void emptySides() {
    assertThat(LineDiff.diff(List.of(), List.of())).isEmpty();
    assertThat(LineDiff.diff(List.of(), List.of("x"))).containsExactly(new Edit(Op.INSERT, "x"));
    assertThat(LineDiff.diff(List.of("x"), List.of())).containsExactly(new Edit(Op.DELETE, "x"));
  }

  @Test
  void theClassicExampleHasFiveEdits() {
    // Myers' paper: ABCABBA -> CBABAC needs D = 5.
    List<String> a = List.of("A", "B", "C", "A", "B", "B", "A");
    List<String> b = List.of("C", "B", "A", "B", "A", "C");
    List<Edit> edits = LineDiff.diff(a, b);
    assertThat(edits.stream().filter(e -> e.op() != Op.EQUAL)).hasSize(5);
    assertThat(side(edits, Op.INSERT)).isEqualTo(a);
    assertThat(side(edits, Op.DELETE)).isEqualTo(b);
  }

  @Test
  void aChangedLineIsADeleteThenAnInsert() {
    List<Edit> edits =
        LineDiff.diff(List.of("image: a:1", "replicas: 1"), List.of("image: a:2", "replicas: 1"));
    assertThat(edits)
        .containsExactly(
            new Edit(Op.DELETE, "image: a:1"),
            new Edit(Op.INSERT, "image: a:2"),
            new Edit(Op.EQUAL, "replicas: 1"));
  }

  @Test
  void randomScriptsRebuildBothSidesWithTheFewestEdits() {
    // A fixed seed keeps failures reproducible; a small alphabet makes common subsequences (and
    // ties between paths) frequent. (jqwik is not a dependency of this module.)
    Random random = new Random(20250730L);
    for (int i = 0; i < 500; i++) {
      List<String> a = randomLines(random);
      List<String> b = randomLines(random);
      List<Edit> edits = LineDiff.diff(a, b);
      assertThat(side(edits, Op.INSERT)).as("old side of %s -> %s", a, b).isEqualTo(a);
      assertThat(side(edits, Op.DELETE)).as("new side of %s -> %s", a, b).isEqualTo(b);
      long changes = edits.stream().filter(e -> e.op() != Op.EQUAL).count();
      assertThat(changes)
          .as("edits of %s -> %s", a, b)
          .isEqualTo(a.size() + b.size() - 2L * lcs(a, b));
    }
  }

  private static List<String> randomLines(Random random) {
    List<String> out = new ArrayList<>();
    int n = random.nextInt(31);
    for (int i = 0; i < n; i++) {
      out.add(String.valueOf((char) ('a' + random.nextInt(4))));
    }
    return out;
  }

  /** The lines of one side: all but the edits of the other side's kind. */
  private static List<String> side(List<Edit> edits, Op otherSide) {
    List<String> out = new ArrayList<>();
    edits.stream().filter(e -> e.op() != otherSide).forEach(e -> out.add(e.line()));
    return out;
  }

  /** Length of a longest common subsequence, by the textbook dynamic programme. */
  private static int lcs(List<String> a, List<String> b) {
    int[][] t = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        t[i][j] =
            a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    return t[0][0];
  }
}
