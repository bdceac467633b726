package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.techdocs.DocumentedEntity;
import dev.backlot.techdocs.TechDocsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** {@code /docs}: every entity that has docs, with owner, kind and build status, filtered by {@code ?q=}. */
@Named
@ViewScoped
public class DocsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TechDocsService techdocs;

    private String q;
    private String kind;
    private List<DocumentedEntity> all = List.of();
    private String problem;

    @PostConstruct
    void init() {
        try {
            all = techdocs.documented();
        } catch (ServiceUnavailableException e) {
            problem = e.getMessage();
        }
    }

    public List<DocumentedEntity> getEntities() {
        String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(d -> kind == null || kind.isBlank() || d.entity().kind().equalsIgnoreCase(kind))
                .filter(d -> term.isEmpty() || matches(d, term)).toList();
    }

    private static boolean matches(DocumentedEntity d, String term) {
        return contains(d.entity().name(), term) || contains(d.entity().title(), term) || contains(d.owner(), term)
                || contains(d.entity().description(), term) || contains(d.entity().kind(), term);
    }

    private static boolean contains(String value, String term) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(term);
    }

    public List<String> getKinds() {
        return all.stream().map(d -> d.entity().kind()).distinct().sorted().toList();
    }

    public String getProblem() {
        return problem;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
