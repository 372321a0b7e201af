package dev.troupe.engine.jsonpatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

  static JsonNode json(String text) {
    try {
      return Codec.JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode apply(String document, String patch) {
    return JsonPatch.parse(patch).apply(json(document));
  }

  static void assertApplies(String document, String patch, String expected) {
    JsonNode result = apply(document, patch);
    assertThat(result).as("%s after %s", document, patch).isEqualTo(json(expected));
  }

  static String failure(String document, String patch) {
    JsonNode doc = json(document);
    JsonNode before = doc.deepCopy();
    JsonPatch p = JsonPatch.parse(patch);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> p.apply(doc));
    assertThat(t).as("%s on %s", patch, document).isInstanceOf(JsonPatchException.class);
    assertThat(doc).as("the input is untouched").isEqualTo(before);
    return t.getMessage();
  }

  /** RFC 6902 appendix A, written as test vectors from the semantics of §4. */
  @Nested
  class AppendixA {
    @Test
    void a1_addingAnObjectMember() {
      assertApplies(
          "{\"foo\":\"bar\"}",
          "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]",
          "{\"baz\":\"qux\",\"foo\":\"bar\"}");
    }

    @Test
    void a2_addingAnArrayElement() {
      assertApplies(
          "{\"foo\":[\"bar\",\"baz\"]}",
          "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]",
          "{\"foo\":[\"bar\",\"qux\",\"baz\"]}");
    }

    @Test
    void a3_removingAnObjectMember() {
      assertApplies(
          "{\"baz\":\"qux\",\"foo\":\"bar\"}",
          "[{\"op\":\"remove\",\"path\":\"/baz\"}]",
          "{\"foo\":\"bar\"}");
    }

    @Test
    void a4_removingAnArrayElement() {
      assertApplies(
          "{\"foo\":[\"bar\",\"qux\",\"baz\"]}",
          "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]",
          "{\"foo\":[\"bar\",\"baz\"]}");
    }

    @Test
    void a5_replacingAValue() {
      assertApplies(
          "{\"baz\":\"qux\",\"foo\":\"bar\"}",
          "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]",
          "{\"baz\":\"boo\",\"foo\":\"bar\"}");
    }

    @Test
    void a6_movingAValue() {
      assertApplies(
          "{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}",
          "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]",
          "{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}");
    }

    @Test
    void a7_movingAnArrayElement() {
      assertApplies(
          "{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}",
          "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]",
          "{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}");
    }

    @Test
    void a8_testingAValueSucceeds() {
      String doc = "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}";
      assertApplies(
          doc,
          "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},"
              + "{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]",
          doc);
    }

    @Test
    void a9_testingAValueFails() {
      assertThat(
              failure(
                  "{\"baz\":\"qux\"}", "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]"))
          .isEqualTo("operation 0 (test): the value at path \"/baz\" is not the expected one");
    }

    @Test
    void a10_addingANestedMemberObject() {
      assertApplies(
          "{\"foo\":\"bar\"}",
          "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]",
          "{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}");
    }

    @Test
    void a11_ignoringUnrecognizedMembers() {
      assertApplies(
          "{\"foo\":\"bar\"}",
          "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]",
          "{\"foo\":\"bar\",\"baz\":\"qux\"}");
    }

    @Test
    void a12_addingToANonexistentTarget() {
      assertThat(
              failure(
                  "{\"foo\":\"bar\"}",
                  "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]"))
          .isEqualTo("operation 0 (add): path \"/baz\" does not exist");
    }

    @Test
    void a13_anOperationWithARepeatedMemberIsInvalid() {
      assertThatThrownBy(
              () ->
                  JsonPatch.parse(
                      "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"op\":\"remove\"}]"))
          .isInstanceOf(JsonPatchException.class)
          .hasMessage("the patch has an object with a repeated member");
    }

    @Test
    void a14_tildeEscapeOrdering() {
      String doc = "{\"/\":9,\"~1\":10}";
      assertApplies(doc, "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]", doc);
    }

    @Test
    void a15_aStringIsNotANumber() {
      assertThat(
              failure(
                  "{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]"))
          .contains("is not the expected one");
    }

    @Test
    void a16_addingAnArrayValue() {
      assertApplies(
          "{\"foo\":[\"bar\"]}",
          "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]",
          "{\"foo\":[\"bar\",[\"abc\",\"def\"]]}");
    }
  }

  @Nested
  class Add {
    @Test
    void replacesAnExistingMemberInPlace() {
      JsonNode out =
          apply("{\"a\":1,\"b\":2,\"c\":3}", "[{\"op\":\"add\",\"path\":\"/b\",\"value\":9}]");
      assertThat(out.toString()).isEqualTo("{\"a\":1,\"b\":9,\"c\":3}");
    }

    @Test
    void appendsNewMembersAtTheEnd() {
      JsonNode out = apply("{\"b\":1,\"a\":2}", "[{\"op\":\"add\",\"path\":\"/c\",\"value\":3}]");
      assertThat(out.toString()).isEqualTo("{\"b\":1,\"a\":2,\"c\":3}");
    }

    @Test
    void atTheSizeOfAnArrayAppends() {
      assertApplies("[1,2]", "[{\"op\":\"add\",\"path\":\"/2\",\"value\":3}]", "[1,2,3]");
    }

    @Test
    void beyondTheSizeOfAnArrayFails() {
      assertThat(failure("[1,2]", "[{\"op\":\"add\",\"path\":\"/3\",\"value\":3}]"))
          .contains("index 3 of path \"/3\" is beyond the end of an array of 2 elements");
    }

    @Test
    void aNonNumericArrayIndexFails() {
      assertThat(failure("{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/x\",\"value\":3}]"))
          .contains("is not an array index");
      assertThat(failure("{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/01\",\"value\":3}]"))
          .contains("is not an array index");
    }

    @Test
    void atTheRootReplacesTheDocument() {
      assertApplies("{\"a\":1}", "[{\"op\":\"add\",\"path\":\"\",\"value\":[1]}]", "[1]");
    }

    @Test
    void intoAScalarFails() {
      assertThat(failure("{\"a\":1}", "[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":2}]"))
          .contains("the parent of path \"/a/b\" is neither an object nor an array");
    }

    @Test
    void nullIsAValue() {
      assertApplies("{}", "[{\"op\":\"add\",\"path\":\"/a\",\"value\":null}]", "{\"a\":null}");
    }

    @Test
    void theEmptyKeyIsAKey() {
      assertApplies("{}", "[{\"op\":\"add\",\"path\":\"/\",\"value\":1}]", "{\"\":1}");
    }
  }

  @Nested
  class Remove {
    @Test
    void aMissingMemberFails() {
      assertThat(failure("{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"/b\"}]"))
          .isEqualTo("operation 0 (remove): path \"/b\" does not exist");
    }

    @Test
    void theEndIndexIsNotAnElement() {
      assertThat(failure("[1]", "[{\"op\":\"remove\",\"path\":\"/-\"}]"))
          .contains("does not exist");
    }

    @Test
    void theRootCannotBeRemoved() {
      assertThat(failure("{}", "[{\"op\":\"remove\",\"path\":\"\"}]"))
          .contains("the whole document cannot be removed");
    }
  }

  @Nested
  class Replace {
    @Test
    void keepsMemberOrder() {
      JsonNode out =
          apply(
              "{\"a\":1,\"b\":2,\"c\":3}",
              "[{\"op\":\"replace\",\"path\":\"/b\",\"value\":{\"x\":1}}]");
      assertThat(out.toString()).isEqualTo("{\"a\":1,\"b\":{\"x\":1},\"c\":3}");
    }

    @Test
    void aMissingTargetFails() {
      assertThat(failure("{\"a\":[1]}", "[{\"op\":\"replace\",\"path\":\"/a/1\",\"value\":2}]"))
          .contains("path \"/a/1\" does not exist");
    }

    @Test
    void theRoot() {
      assertApplies("{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":7}]", "7");
    }
  }

  @Nested
  class Move {
    @Test
    void toTheEndOfAnotherArray() {
      assertApplies(
          "{\"a\":[1,2],\"b\":[3]}",
          "[{\"op\":\"move\",\"from\":\"/a/0\",\"path\":\"/b/-\"}]",
          "{\"a\":[2],\"b\":[3,1]}");
    }

    @Test
    void ontoItselfChangesNothing() {
      assertApplies(
          "{\"a\":{\"b\":1}}",
          "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a\"}]",
          "{\"a\":{\"b\":1}}");
    }

    @Test
    void intoItsOwnChildFails() {
      assertThat(
              failure(
                  "{\"a\":{\"b\":1}}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/b/c\"}]"))
          .contains("cannot move \"/a\" into its own descendant \"/a/b/c\"");
    }

    @Test
    void fromAMissingLocationFails() {
      assertThat(failure("{}", "[{\"op\":\"move\",\"from\":\"/x\",\"path\":\"/y\"}]"))
          .contains("path \"/x\" does not exist");
    }

    @Test
    void replacesAnExistingTarget() {
      assertApplies(
          "{\"a\":1,\"b\":2}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"}]", "{\"b\":1}");
    }
  }

  @Nested
  class Copy {
    @Test
    void copiesAreIndependent() {
      JsonNode out =
          apply(
              "{\"a\":{\"x\":1}}",
              "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/b\"},"
                  + "{\"op\":\"replace\",\"path\":\"/b/x\",\"value\":2}]");
      assertThat(out).isEqualTo(json("{\"a\":{\"x\":1},\"b\":{\"x\":2}}"));
    }

    @Test
    void intoAnArrayPosition() {
      assertApplies(
          "{\"a\":[1,2]}",
          "[{\"op\":\"copy\",\"from\":\"/a/1\",\"path\":\"/a/0\"}]",
          "{\"a\":[2,1,2]}");
    }

    @Test
    void fromAMissingLocationFails() {
      assertThat(failure("{}", "[{\"op\":\"copy\",\"from\":\"/x\",\"path\":\"/y\"}]"))
          .contains("operation 0 (copy): path \"/x\" does not exist");
    }
  }

  @Nested
  class Test_ {
    @Test
    void numbersCompareByValue() {
      assertApplies("{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\",\"value\":1.0}]", "{\"a\":1}");
    }

    @Test
    void objectsCompareWithoutOrderAndArraysWithOrder() {
      String doc = "{\"o\":{\"x\":1,\"y\":[1,2]}}";
      assertApplies(
          doc, "[{\"op\":\"test\",\"path\":\"/o\",\"value\":{\"y\":[1,2],\"x\":1}}]", doc);
      assertThat(failure(doc, "[{\"op\":\"test\",\"path\":\"/o/y\",\"value\":[2,1]}]"))
          .contains("not the expected one");
    }

    @Test
    void nullIsNotMissing() {
      String doc = "{\"a\":null}";
      assertApplies(doc, "[{\"op\":\"test\",\"path\":\"/a\",\"value\":null}]", doc);
      assertThat(failure(doc, "[{\"op\":\"test\",\"path\":\"/b\",\"value\":null}]"))
          .contains("does not exist");
    }
  }

  @Nested
  class Atomicity {
    @Test
    void aFailingLaterOperationLeavesNothingApplied() {
      JsonNode doc = json("{\"a\":1,\"list\":[1,2]}");
      JsonNode before = doc.deepCopy();
      JsonPatch patch =
          JsonPatch.parse(
              "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":2},"
                  + "{\"op\":\"remove\",\"path\":\"/list/0\"},"
                  + "{\"op\":\"remove\",\"path\":\"/nothing\"}]");
      assertThatThrownBy(() -> patch.apply(doc))
          .hasMessage("operation 2 (remove): path \"/nothing\" does not exist");
      assertThat(doc).isEqualTo(before);
    }

    @Test
    void aSuccessfulPatchDoesNotModifyItsInputNorItsOwnValues() {
      JsonNode doc = json("{\"a\":[]}");
      JsonPatch patch = JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":{\"n\":1}}]");
      JsonNode once = patch.apply(doc);
      ((com.fasterxml.jackson.databind.node.ObjectNode) once.get("a").get(0)).put("n", 2);
      assertThat(doc).isEqualTo(json("{\"a\":[]}"));
      assertThat(patch.apply(doc)).isEqualTo(json("{\"a\":[{\"n\":1}]}"));
    }
  }

  @Nested
  class Reading {
    @Test
    void mustBeAnArrayOfObjects() {
      assertThatThrownBy(() -> JsonPatch.parse("{\"op\":\"add\"}"))
          .hasMessage("a patch must be a JSON array of operations");
      assertThatThrownBy(() -> JsonPatch.parse("[1]"))
          .hasMessage("operation 0: must be a JSON object");
    }

    @Test
    void unknownOperationsAreRejected() {
      assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"merge\",\"path\":\"/a\"}]"))
          .hasMessageContaining("\"op\" must be one of add, remove, replace, move, copy, test");
    }

    @Test
    void requiredMembers() {
      assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/a\"}]"))
          .hasMessage("operation 0 (add): \"value\" is required");
      assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"move\",\"path\":\"/a\"}]"))
          .hasMessage("operation 0 (move): \"from\" must be a JSON Pointer string");
      assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"remove\",\"path\":\"a\"}]"))
          .hasMessageStartingWith("operation 0 (remove): \"path\" is not a JSON Pointer");
    }

    @Test
    void invalidJsonIsReportedWithoutQuotingIt() {
      assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"add\",\"value\":\"hunter2-secret"))
          .isInstanceOf(JsonPatchException.class)
          .hasMessageStartingWith("the patch is not valid JSON")
          .message()
          .doesNotContain("hunter2");
    }

    @Test
    void messagesNeverQuoteValues() {
      String doc = "{\"token\":\"s3cr3t-value\"}";
      String msg =
          failure(doc, "[{\"op\":\"test\",\"path\":\"/token\",\"value\":\"other-s3cr3t\"}]");
      assertThat(msg).doesNotContain("s3cr3t");
      assertThat(
              JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/a\",\"value\":\"s3cr3t\"}]").toString())
          .doesNotContain("s3cr3t");
    }

    @Test
    void operationsAreTyped() {
      assertThat(
              JsonPatch.parse(
                      "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},"
                          + "{\"op\":\"remove\",\"path\":\"/a\"},"
                          + "{\"op\":\"replace\",\"path\":\"/a\",\"value\":1},"
                          + "{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"},"
                          + "{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/b\"},"
                          + "{\"op\":\"test\",\"path\":\"/a\",\"value\":1}]")
                  .operations()
                  .stream()
                  .map(PatchOperation::op)
                  .toList())
          .isEqualTo(List.of("add", "remove", "replace", "move", "copy", "test"));
    }
  }
}
