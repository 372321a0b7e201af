package dev.troupe.engine.jsonpatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPointerTest {

  @Test
  void emptyPointerIsTheWholeDocument() {
    assertThat(JsonPointer.parse("").isRoot()).isTrue();
    assertThat(JsonPointer.parse("").toString()).isEmpty();
  }

  @Test
  void slashAloneIsTheEmptyKey() {
    assertThat(JsonPointer.parse("/").tokens()).containsExactly("");
    assertThat(JsonPointer.parse("//").tokens()).containsExactly("", "");
  }

  @Test
  void escapesAreDecodedTildeOneFirstThenTildeZero() {
    // RFC 6901 §4: "~01" is "~1" (not "/"), because ~1 is decoded before ~0.
    assertThat(JsonPointer.parse("/a~1b/m~0n/~01").tokens()).containsExactly("a/b", "m~n", "~1");
  }

  @Test
  void textFormEscapesAgain() {
    JsonPointer p = new JsonPointer(List.of("a/b", "m~n", "~1", ""));
    assertThat(p.toString()).isEqualTo("/a~1b/m~0n/~01/");
    assertThat(JsonPointer.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void rejectsPointersThatDoNotStartWithSlash() {
    assertThatThrownBy(() -> JsonPointer.parse("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts with \"/\"");
  }

  @Test
  void rejectsBareTildes() {
    assertThatThrownBy(() -> JsonPointer.parse("/a~2")).hasMessageContaining("~");
    assertThatThrownBy(() -> JsonPointer.parse("/a~")).hasMessageContaining("~");
  }

  @Test
  void arrayIndexesAreDecimalWithoutLeadingZeros() {
    assertThat(JsonPointer.arrayIndex("0")).isZero();
    assertThat(JsonPointer.arrayIndex("17")).isEqualTo(17);
    assertThat(JsonPointer.arrayIndex("01")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("-")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("1e2")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("9999999999")).isEqualTo(-1);
  }

  @Test
  void properPrefix() {
    JsonPointer a = JsonPointer.parse("/a");
    assertThat(a.isProperPrefixOf(JsonPointer.parse("/a/b"))).isTrue();
    assertThat(a.isProperPrefixOf(a)).isFalse();
    assertThat(a.isProperPrefixOf(JsonPointer.parse("/ab"))).isFalse();
    assertThat(JsonPointer.ROOT.isProperPrefixOf(a)).isTrue();
  }
}
