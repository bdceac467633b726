package dev.backlot.web.view;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.audit.AuditQuery;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.web.security.AdminOnly;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /admin/audit?actor=&action=&target=&from=&to=}: the audit log inside the console, newest
 * first, filtered by who, what (an action or its start, such as {@code location.}), which target and
 * which days (UTC, {@code from} and {@code to} inclusive). The filters are a GET form, so the URL
 * holds them.
 */
@Named
@ViewScoped
@AdminOnly
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LIMIT = 500;
    /** The actions the filter offers; others can be typed into the URL. */
    static final List<String> ACTIONS = List.of("location.", "location.register", "location.update", "location.remove",
            "location.refresh", "entity.remove", "plugin.", "plugin.install", "plugin.update", "plugin.uninstall",
            "plugin.start", "plugin.stop", "signin");

    @Inject
    transient AuditLog audit;

    private String actor;
    private String action;
    private String target;
    private String from;
    private String to;
    private String problem;
    private List<AuditEntry> entries = List.of();

    /** Reads the entries once the view parameters are set. */
    public void load() {
        problem = null;
        Instant since = day(from, "from", 0);
        Instant until = day(to, "to", 1);
        if (problem != null) {
            return;
        }
        try {
            entries = audit.find(new AuditQuery(actor, action, target, since, until, LIMIT));
        } catch (ServiceUnavailableException e) {
            entries = List.of(); // the layout's banner says why
        }
    }

    private Instant day(String value, String name, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problem = "“" + value + "” is not a day: use the form 2026-12-31 for " + name + ".";
            return null;
        }
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }

    public boolean isFiltered() {
        return actor != null || action != null || target != null || from != null || to != null;
    }

    public int getLimit() {
        return LIMIT;
    }

    public List<String> getActions() {
        return ACTIONS;
    }

    public String getProblem() {
        return problem;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = blank(actor);
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = blank(action);
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = blank(target);
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = blank(from);
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = blank(to);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
