package dev.backlot.example.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DeployWindowTest {

    // 2026-11-23 is a Monday.
    private static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 11, 23, 10, 0);

    @Test
    void weekdayOfficeHoursAreOpenUntilFiveInTheAfternoon() {
        DeployWindow window = new DeployWindow("ada", MONDAY_10);

        assertThat(window.open()).isTrue();
        assertThat(window.status()).isEqualTo("Deploys are open");
        assertThat(window.detail()).isEqualTo("until Monday 17:00");
        assertThat(window.greeting()).isEqualTo("Hello, ada");
    }

    @Test
    void fridayAfternoonIsFrozenUntilMondayMorning() {
        DeployWindow window = new DeployWindow(null, MONDAY_10.plusDays(4).withHour(12).withMinute(7));

        assertThat(window.open()).isFalse();
        assertThat(window.status()).isEqualTo("Change freeze");
        assertThat(window.detail()).isEqualTo("opens Monday 09:00");
        assertThat(window.greeting()).isEqualTo("Hello");
    }

    @Test
    void fridayMorningClosesAtNoon() {
        assertThat(new DeployWindow(null, MONDAY_10.plusDays(4)).detail()).isEqualTo("until Friday 12:00");
    }
}
