package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormPathTest {

    @Test
    void aNestedFieldsPathIsAPointerWhoseNamesComeBackUnescaped() {
        String path = FormPath.child(FormPath.child("", "a/b"), "c~d");

        assertThat(path).isEqualTo("a~1b/c~0d");
        assertThat(FormPath.segments(path)).containsExactly("a/b", "c~d");
    }

    @Test
    void facesIdsUseOnlyLettersDigitsDashAndUnderscoreAndDifferForDifferentPaths() {
        List<String> paths = List.of(FormPath.child("a", "b"), "a.b", "a_b", "a-b", "a b", FormPath.child("", "a/b"), "a:b", "ä");

        List<String> ids = paths.stream().map(FormPath::facesId).toList();

        assertThat(ids).allMatch(id -> id.matches("[A-Za-z_][A-Za-z0-9_-]*"));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(FormPath.facesId("name")).isEqualTo("f_name");
        assertThat(FormPath.facesId("repo/owner")).isEqualTo("f_repo-owner");
        assertThat(Stream.of("x", "x_error").map(FormPath::facesId).map(id -> id + "_error")).doesNotHaveDuplicates();
    }
}
