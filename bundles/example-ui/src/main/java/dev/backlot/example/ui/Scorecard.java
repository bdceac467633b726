package dev.backlot.example.ui;

import dev.backlot.model.Entity;
import java.util.List;

/**
 * The model of the Readiness tab: each check's verdict for one component, and the score.
 *
 * <p>The fragment calls these methods through EL ({@code #{model.score()}}); the class is private
 * to the bundle but public, and that is all EL needs.
 */
public final class Scorecard {

    private final String entityName;
    private final List<Row> rows;

    /**
     * One line of the tab.
     *
     * @param check the rule
     * @param verdict its outcome for this entity
     */
    public record Row(ReadinessCheck check, ReadinessCheck.Verdict verdict) {
        public boolean passed() {
            return verdict == ReadinessCheck.Verdict.PASSED;
        }

        public boolean applicable() {
            return verdict != ReadinessCheck.Verdict.NOT_APPLICABLE;
        }

        /** The CSS class of the row's marker, from the bundle's own stylesheet. */
        public String cssClass() {
            return switch (verdict) {
                case PASSED -> "exui-pass";
                case FAILED -> "exui-fail";
                case NOT_APPLICABLE -> "exui-na";
            };
        }

        public String label() {
            return switch (verdict) {
                case PASSED -> "passed";
                case FAILED -> "missing";
                case NOT_APPLICABLE -> "not applicable";
            };
        }
    }

    public Scorecard(Entity entity) {
        this.entityName = entity.name();
        this.rows = ReadinessCheck.ALL.stream().map(c -> new Row(c, c.apply(entity))).toList();
    }

    public String entityName() {
        return entityName;
    }

    public List<Row> rows() {
        return rows;
    }

    public long passed() {
        return rows.stream().filter(Row::passed).count();
    }

    public long applicable() {
        return rows.stream().filter(Row::applicable).count();
    }

    /** Passed checks as a percentage of the applicable ones. */
    public int score() {
        return applicable() == 0 ? 100 : (int) (passed() * 100 / applicable());
    }

    /** The CSS class of the score line, from the bundle's own stylesheet. */
    public String gradeClass() {
        return "exui-grade-" + grade().replace(' ', '-');
    }

    /** {@code ready} at 100 %, {@code almost} from 70 %, else {@code not ready}. */
    public String grade() {
        int score = score();
        return score == 100 ? "ready" : score >= 70 ? "almost" : "not ready";
    }
}
