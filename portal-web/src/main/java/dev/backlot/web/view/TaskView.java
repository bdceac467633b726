package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskEvent;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /create/tasks/{id}}: a task's steps with their status and a progress bar, its log (streamed
 * live by {@code scaffolder-task.js} from the event stream, no page polling), the output links, and
 * cancel and retry for its author.
 */
@Named
@ViewScoped
public class TaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ScaffolderService scaffolder;

    private String id;
    private ScaffolderTask task;
    private List<TaskEvent> events = List.of();

    public void load() {
        try {
            task = id == null ? null : scaffolder.task(id).orElse(null);
            events = task == null ? List.of() : scaffolder.events(id, 0);
        } catch (ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_WARN, "Tasks cannot be shown now", e.getMessage());
        }
    }

    public void cancel() {
        change(() -> scaffolder.cancel(id, user(), admin()), "Cancel requested");
    }

    public void retry() {
        change(() -> scaffolder.retry(id, user(), admin()), "Task restarted");
    }

    private void change(Runnable action, String done) {
        if (user() == null) {
            message(FacesMessage.SEVERITY_ERROR, "Sign in first", "Only the user who ran the task, or an admin, may change it.");
            return;
        }
        try {
            action.run();
            message(FacesMessage.SEVERITY_INFO, done, null);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/create/tasks/" + id);
        } catch (ScaffolderException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Not done", e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Completed (or skipped) steps as a percentage of all steps. */
    public int getProgress() {
        if (task == null || task.steps().isEmpty()) {
            return 0;
        }
        long done = task.steps().stream().filter(s -> List.of("completed", "skipped").contains(s.get("status"))).count();
        return (int) (done * 100 / task.steps().size());
    }

    /** The template's output links: {@code url} ones as they are, {@code entityRef} ones to the catalog page. */
    public List<Map<String, String>> getLinks() {
        List<Map<String, String>> out = new ArrayList<>();
        if (task != null && task.output().get("links") instanceof List<?> links) {
            for (Object l : links) {
                if (l instanceof Map<?, ?> link) {
                    String title = String.valueOf(link.get("title") == null ? "Link" : link.get("title"));
                    if (link.get("url") instanceof String url && !url.isBlank() && dev.backlot.model.SafeLinks.isSafe(url)) {
                        out.add(Map.of("title", title, "href", url));
                    } else if (link.get("entityRef") instanceof String ref && !ref.isBlank()) {
                        try {
                            var parsed = dev.backlot.model.EntityRef.parse(ref, "component", "default");
                            out.add(Map.of("title", title, "href", FacesContext.getCurrentInstance().getExternalContext()
                                    .getRequestContextPath() + "/catalog/" + parsed.namespace() + "/" + parsed.kind() + "/" + parsed.name()));
                        } catch (IllegalArgumentException e) {
                            // not a ref: no link
                        }
                    }
                }
            }
        }
        return out;
    }

    public boolean isMine() {
        return task != null && user() != null && (user().equals(task.createdBy()) || admin());
    }

    private static String user() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    private static boolean admin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(dev.backlot.security.Caller.ADMIN);
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public long getLastEventId() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ScaffolderTask getTask() {
        return task;
    }

    public List<TaskEvent> getEvents() {
        return events;
    }
}
