package dev.backlot.example.ui;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The model of the "Deploy window" home card: whether now is a good time to ship to production,
 * under a common team rule: Monday to Thursday 09:00-17:00, Friday 09:00-12:00, never at weekends.
 */
public final class DeployWindow {

    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(17, 0);
    private static final LocalTime FRIDAY_CLOSES = LocalTime.of(12, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH);

    private final String user;
    private final LocalDateTime now;

    /**
     * @param user the signed-in user's name, or null
     * @param now the local time of the portal
     */
    public DeployWindow(String user, LocalDateTime now) {
        this.user = user;
        this.now = now;
    }

    public String greeting() {
        return user == null ? "Hello" : "Hello, " + user;
    }

    public boolean open() {
        return isOpen(now);
    }

    /** {@code Deploys are open} or {@code Change freeze}. */
    public String status() {
        return open() ? "Deploys are open" : "Change freeze";
    }

    /** When the current state ends, e.g. {@code until Friday 12:00}. */
    public String detail() {
        LocalDateTime t = now.withSecond(0).withNano(0);
        boolean open = open();
        // Walk forward by quarter hours: the rule changes only on the hour, so this is exact and short.
        for (int i = 0; i < 7 * 24 * 4; i++) {
            t = t.plusMinutes(15 - t.getMinute() % 15);
            if (isOpen(t) != open) {
                return (open ? "until " : "opens ") + WHEN.format(t);
            }
        }
        return "";
    }

    static boolean isOpen(LocalDateTime t) {
        DayOfWeek day = t.getDayOfWeek();
        LocalTime time = t.toLocalTime();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalTime closes = day == DayOfWeek.FRIDAY ? FRIDAY_CLOSES : CLOSES;
        return !time.isBefore(OPENS) && time.isBefore(closes);
    }
}
