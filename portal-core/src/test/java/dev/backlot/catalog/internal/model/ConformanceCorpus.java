package dev.backlot.catalog.internal.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The entity documents of Backstage's conformance corpus (test resources, see its NOTICE.md).
 * Scaffolder skeletons ({@code skeleton/}, {@code content/}, {@code template/catalog-info.yaml})
 * carry {@code ${{ }}} markup and are not entities, so only the files below are read.
 */
final class ConformanceCorpus {

    /** One YAML document of a corpus file. */
    record Document(String file, int index, Map<String, Object> entity) {
        String kind() {
            return String.valueOf(entity.get("kind"));
        }

        String name() {
            return String.valueOf(((Map<?, ?>) entity.get("metadata")).get("name"));
        }

        @Override
        public String toString() {
            return file + "#" + index + " (" + kind() + " " + name() + ")";
        }
    }

    static final String EXAMPLES = "backstage/packages/catalog-model/examples/";

    private static final List<String> ENTITY_FILES = List.of(
            "glob:" + EXAMPLES + "**.yaml",
            "glob:demo/*.yaml",
            "glob:demo/examples/*.yaml",
            "glob:npm-create-app/templates/*/examples/{entities,org}.yaml",
            "glob:backstage/plugins/techdocs-backend/examples/**/catalog-info.yaml",
            "glob:**/template.yaml");

    private ConformanceCorpus() {
    }

    static List<Document> documents() {
        Path root = root();
        List<PathMatcher> matchers = ENTITY_FILES.stream().map(FileSystems.getDefault()::getPathMatcher).toList();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = root.relativize(file);
                if (matchers.stream().anyMatch(m -> m.matches(relative))) {
                    read(yaml, file, relative.toString().replace('\\', '/'), documents);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void read(ObjectMapper yaml, Path file, String name, List<Document> into) throws IOException {
        try (MappingIterator<Object> values = yaml.readerFor(Object.class).readValues(file.toFile())) {
            int index = 0;
            while (values.hasNextValue()) {
                Object value = values.nextValue();
                if (value instanceof Map<?, ?> map) {
                    into.add(new Document(name, index, (Map<String, Object>) map));
                }
                index++;
            }
        }
    }

    private static Path root() {
        try {
            return Path.of(ConformanceCorpus.class.getResource("/conformance/backstage").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
