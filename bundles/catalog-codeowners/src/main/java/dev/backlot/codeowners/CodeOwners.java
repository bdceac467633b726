package dev.backlot.codeowners;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading GitHub's CODEOWNERS format: {@code <pattern> <owner> <owner>...}, {@code #} comments, last match wins. */
final class CodeOwners {

    private CodeOwners() {
    }

    /** The owners of the last {@code *} (or {@code /*}) rule, in file order; empty when there is none. */
    static List<String> catchAllOwners(List<String> lines) {
        List<String> owners = List.of();
        for (String raw : lines) {
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            String[] parts = line.split("\\s+");
            if (parts.length >= 2 && (parts[0].equals("*") || parts[0].equals("/*"))) {
                List<String> found = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    found.add(parts[i]);
                }
                owners = found;
            }
        }
        return owners;
    }

    /**
     * Whether a CODEOWNERS owner ({@code @org/team}, {@code @user}, {@code mail@host}) names the
     * catalog owner ({@code team}, {@code group:team}, {@code user:default/grace}).
     */
    static boolean names(String codeOwner, String catalogOwner) {
        String owner = codeOwner.toLowerCase(Locale.ROOT);
        String simple = owner.substring(owner.lastIndexOf('/') + 1).replace("@", "");
        String target = catalogOwner.toLowerCase(Locale.ROOT);
        target = target.substring(target.lastIndexOf(':') + 1);
        target = target.substring(target.lastIndexOf('/') + 1);
        return simple.equals(target) || owner.startsWith(target + "@");
    }
}
