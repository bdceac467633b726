package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.ScaffolderTask;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code /create/tasks}: the signed-in user's tasks, newest first ({@code ?all=true}: everyone's). */
@Named
@ViewScoped
public class TasksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ScaffolderService scaffolder;

    private boolean all;
    private List<ScaffolderTask> tasks = List.of();

    public void load() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        try {
            tasks = all ? scaffolder.tasks(null, 200)
                    : principal == null ? List.of() : scaffolder.tasks(principal.getName(), 200);
        } catch (ServiceUnavailableException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, "Tasks cannot be listed now", e.getMessage()));
        }
    }

    public List<ScaffolderTask> getTasks() {
        return tasks;
    }

    public boolean isAll() {
        return all;
    }

    public void setAll(boolean all) {
        this.all = all;
    }
}
