package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.FacetValue;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import dev.backlot.model.Relations;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.data.PageEvent;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * {@code /catalog}: the entities of one kind, filtered by facets, text and ownership, in a lazy,
 * sorted, paged table. The whole selection lives in the URL ({@link CatalogSelection}); every ajax
 * change rewrites the address bar with {@code history.replaceState}, so reload and back work.
 */
@Named
@ViewScoped
public class CatalogView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ROWS = 20;

    @Inject
    transient CatalogService catalog;

    private final CatalogSelection selection = new CatalogSelection();
    private final LazyDataModel<CatalogEntity> entities = new Entities();
    private List<SelectItem> kindOptions = List.of();
    private Map<String, List<SelectItem>> facetOptions = Map.of();
    private List<String> myRefs = List.of();
    private int errorCount;

    /**
     * Reads facets and the caller's groups once the view parameters are set (a view action, not
     * {@code @PostConstruct}: the bean is created before f:viewParam assigns the URL's values).
     */
    public void load() {
        try {
            loadFrom(catalog);
        } catch (ServiceUnavailableException e) {
            // The layout's banner says why; the page shows an empty catalog meanwhile.
            kindOptions = List.of(new SelectItem(CatalogSelection.ALL_KINDS, "All kinds"));
        }
    }

    private void loadFrom(CatalogService catalog) {
        kindOptions = new ArrayList<>();
        kindOptions.add(new SelectItem(CatalogSelection.ALL_KINDS, "All kinds"));
        for (FacetValue kind : catalog.facets(List.of("kind"), EntityFilter.ALL).get("kind")) {
            kindOptions.add(new SelectItem(kind.value().toLowerCase(Locale.ROOT), kind.value() + " (" + kind.count() + ")"));
        }
        loadFacets(catalog);
        myRefs = myRefs(catalog);
        if (myRefs.isEmpty()) {
            selection.setMine(false); // a shared "mine" link means nothing to someone not signed in
        }
        errorCount = catalog.processingErrors().size();
    }

    private void loadFacets(CatalogService catalog) {
        CatalogSelection kindOnly = new CatalogSelection();
        kindOnly.setKind(selection.getKind());
        Map<String, List<FacetValue>> facets = catalog.facets(List.copyOf(CatalogSelection.FACETS.values()),
                kindOnly.toFilter(List.of()));
        facetOptions = new LinkedHashMap<>();
        CatalogSelection.FACETS.forEach((param, field) -> facetOptions.put(param, facets.getOrDefault(field, List.of())
                .stream().map(v -> new SelectItem(v.value(), v.value() + " (" + v.count() + ")")).toList()));
    }

    /** The signed-in user's reference and those of the groups their User entity is a member of. */
    private List<String> myRefs(CatalogService catalog) {
        String user = userName();
        if (user == null) {
            return List.of();
        }
        List<String> refs = new ArrayList<>();
        refs.add("user:default/" + user.toLowerCase(Locale.ROOT));
        catalog.entity(new EntityRef("user", "default", user))
                .ifPresent(u -> u.relations(Relations.MEMBER_OF).forEach(g -> refs.add(g.canonical())));
        return refs;
    }

    /** Kind changed: facet options follow it, and the old facet choices no longer apply. */
    public void kindChanged() {
        CatalogSelection.FACETS.keySet().forEach(param -> selection.setValues(param, List.of()));
        loadFacets(catalog);
        filterChanged();
    }

    /** Any filter changed: back to the first page, and the URL says so. */
    public void filterChanged() {
        selection.setPage(1);
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":catalog:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
        updateUrl();
    }

    public void pageChanged(PageEvent event) {
        selection.setPage(event.getPage() + 1);
        updateUrl();
    }

    public void sortChanged(SortEvent event) {
        event.getSortBy().values().stream().filter(SortMeta::isActive).findFirst().ifPresent(meta -> {
            String column = column(meta.getField());
            selection.setSort(column == null ? null : (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + column);
        });
        selection.setPage(1);
        updateUrl();
    }

    private void updateUrl() {
        String qs = selection.toQueryString();
        String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/catalog"
                + (qs.isEmpty() ? "" : "?" + qs);
        PrimeFaces.current().executeScript("history.replaceState(null,'','" + url.replace("\\", "\\\\").replace("'", "\\'") + "')");
    }

    /** The column key of {@link CatalogSelection#SORTS} for an entity field. */
    private static String column(String field) {
        return CatalogSelection.SORTS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(field))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The rows, a page at a time, straight from the catalog. */
    private final class Entities extends LazyDataModel<CatalogEntity> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) catalog.count(selection.toQuery(myRefs, 0, 0, null));
            } catch (ServiceUnavailableException e) {
                return 0; // the layout's banner says why
            }
        }

        @Override
        public List<CatalogEntity> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            EntityOrder order = sortBy.values().stream().filter(SortMeta::isActive).findFirst()
                    .filter(m -> column(m.getField()) != null)
                    .map(m -> new EntityOrder(m.getField(), m.getOrder() != SortOrder.DESCENDING)).orElse(null);
            try {
                return catalog.entities(selection.toQuery(myRefs, first, pageSize, order)).stream().map(CatalogEntity::new)
                        .toList();
            } catch (ServiceUnavailableException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(CatalogEntity entity) {
            return entity.getUid();
        }
    }

    private static String userName() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.getUserPrincipal() == null ? null : external.getUserPrincipal().getName();
    }

    public boolean isSignedIn() {
        return userName() != null;
    }

    public LazyDataModel<CatalogEntity> getEntities() {
        return entities;
    }

    /** The table's first row, from the URL's page. */
    public int getFirst() {
        return (selection.getPage() - 1) * ROWS;
    }

    public int getRows() {
        return ROWS;
    }

    /** The URL's sort as the table's initial sort. */
    public SortMeta getSortMeta() {
        EntityOrder order = selection.defaultOrder();
        return SortMeta.builder().field(order.field()).order(order.ascending() ? SortOrder.ASCENDING : SortOrder.DESCENDING)
                .build();
    }

    public List<SelectItem> getKindOptions() {
        return kindOptions;
    }

    /** Options of each facet parameter ({@code type}, {@code owner}, ...) under the current kind, with counts. */
    public Map<String, List<SelectItem>> getFacetOptions() {
        return facetOptions;
    }

    public int getErrorCount() {
        return errorCount;
    }

    // View parameters and inputs: facets travel as comma-separated strings in the URL, lists in the form.

    public String getKind() {
        return selection.getKind();
    }

    public void setKind(String kind) {
        selection.setKind(kind == null ? null : kind.toLowerCase(Locale.ROOT));
    }

    public String getTypeParam() {
        return CatalogSelection.join(selection.values("type"));
    }

    public void setTypeParam(String v) {
        selection.setValues("type", CatalogSelection.split(v));
    }

    public String getOwnerParam() {
        return CatalogSelection.join(selection.values("owner"));
    }

    public void setOwnerParam(String v) {
        selection.setValues("owner", CatalogSelection.split(v));
    }

    public String getLifecycleParam() {
        return CatalogSelection.join(selection.values("lifecycle"));
    }

    public void setLifecycleParam(String v) {
        selection.setValues("lifecycle", CatalogSelection.split(v));
    }

    public String getTagParam() {
        return CatalogSelection.join(selection.values("tag"));
    }

    public void setTagParam(String v) {
        selection.setValues("tag", CatalogSelection.split(v));
    }

    public String getNamespaceParam() {
        return CatalogSelection.join(selection.values("namespace"));
    }

    public void setNamespaceParam(String v) {
        selection.setValues("namespace", CatalogSelection.split(v));
    }

    public List<String> getTypes() {
        return new ArrayList<>(selection.values("type"));
    }

    public void setTypes(List<String> v) {
        selection.setValues("type", v);
    }

    public List<String> getOwners() {
        return new ArrayList<>(selection.values("owner"));
    }

    public void setOwners(List<String> v) {
        selection.setValues("owner", v);
    }

    public List<String> getLifecycles() {
        return new ArrayList<>(selection.values("lifecycle"));
    }

    public void setLifecycles(List<String> v) {
        selection.setValues("lifecycle", v);
    }

    public List<String> getTags() {
        return new ArrayList<>(selection.values("tag"));
    }

    public void setTags(List<String> v) {
        selection.setValues("tag", v);
    }

    public List<String> getNamespaces() {
        return new ArrayList<>(selection.values("namespace"));
    }

    public void setNamespaces(List<String> v) {
        selection.setValues("namespace", v);
    }

    public String getQ() {
        return selection.getQ();
    }

    public void setQ(String q) {
        selection.setQ(q);
    }

    public boolean isMine() {
        return selection.isMine() && isSignedIn();
    }

    public void setMine(boolean mine) {
        selection.setMine(mine);
    }

    public int getPage() {
        return selection.getPage();
    }

    public void setPage(int page) {
        selection.setPage(page);
    }

    public String getSort() {
        return selection.getSort();
    }

    public void setSort(String sort) {
        selection.setSort(sort);
    }
}
