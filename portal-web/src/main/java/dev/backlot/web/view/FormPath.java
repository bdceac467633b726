package dev.backlot.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths of form fields. A field of a nested object is named by the property names from the page
 * down, joined as a JSON Pointer without its leading slash: {@code repo/owner}; {@code ~} and
 * {@code /} inside a name are escaped as {@code ~0} and {@code ~1} (RFC 6901), so a property named
 * {@code a.b} or {@code a/b} never meets the field {@code b} of an object {@code a}.
 *
 * <p>{@link #facesId(String)} turns a path into an id that Faces accepts (letters, digits, {@code -}
 * and {@code _}) and that no other path gives: letters and digits stay, the separator becomes
 * {@code -}, any other character becomes {@code _<hex code>_}.
 */
public final class FormPath {

    private FormPath() {
    }

    /** The path of property {@code name} inside the object at {@code parent} ({@code ""}: the page). */
    public static String child(String parent, String name) {
        String segment = name.replace("~", "~0").replace("/", "~1");
        return parent.isEmpty() ? segment : parent + "/" + segment;
    }

    /** The property names of a path, unescaped. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        for (String segment : path.split("/", -1)) {
            out.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** A Faces-safe id, unique per path: {@code f_} and the encoded path ({@code repo/owner} is {@code f_repo-owner}). */
    public static String facesId(String path) {
        StringBuilder out = new StringBuilder("f_");
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.append('-');
            }
            segments.get(i).codePoints().forEach(c -> {
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    out.appendCodePoint(c);
                } else {
                    out.append('_').append(Integer.toHexString(c)).append('_');
                }
            });
        }
        return out.toString();
    }

    /**
     * The key of the selector of an object's {@code oneOf}/{@code anyOf} alternatives: {@code ~alt<page>}
     * for a page, {@code <object path>/~alt} for a nested object ({@code ~a} is no escape, so no
     * property's path is ever such a key).
     */
    public static String alternatives(int page, String objectPath) {
        return objectPath.isEmpty() ? "~alt" + page : objectPath + "/~alt";
    }
}
