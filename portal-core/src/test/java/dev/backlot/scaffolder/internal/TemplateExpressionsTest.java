package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateExpressionsTest {

    private final TemplateExpressions expressions = new TemplateExpressions();
    private final Map<String, Object> context = Map.of(
            "parameters", Map.of("name", "svc", "repoUrl", "local?owner=team&repo=svc", "tags", List.of("a", "b"),
                    "description", ""),
            "values", Map.of("component_id", "svc", "destination", Map.of("owner", "team", "repo", "svc"),
                    "description", "A \"quoted\" one"),
            "steps", Map.of("publish", Map.of("output", Map.of("remoteUrl", "http://x/git/team/svc.git"))));

    @Test
    void singleExpressionKeepsItsType() {
        assertThat(expressions.evaluate("${{ parameters.repoUrl | parseRepoUrl }}", context))
                .isEqualTo(Map.of("host", "local", "owner", "team", "repo", "svc"));
        assertThat(expressions.evaluate("${{ parameters.tags }}", context)).isEqualTo(List.of("a", "b"));
        assertThat(expressions.evaluate("${{ steps.publish.output.remoteUrl }}", context))
                .isEqualTo("http://x/git/team/svc.git");
    }

    @Test
    void rendersNunjucksAsTheShippedSkeletonsUseIt() {
        String skeleton = "name: ${{values.component_id | dump}}\n"
                + "  {%- if values.description %}\n  description: ${{values.description | dump}}\n  {%- endif %}\n"
                + "slug: ${{values.destination.owner + \"/\" + values.destination.repo}}\n";
        assertThat(expressions.render(skeleton, context)).isEqualTo(
                "name: \"svc\"\n  description: \"A \\\"quoted\\\" one\"\nslug: team/svc\n");
    }

    @Test
    void plainDoubleBracesAreText() {
        assertThat(expressions.render("run: ${{ github.sha }} and {{ literal }} ${{ parameters.name }}", context))
                .isEqualTo("run:  and {{ literal }} svc");
    }

    @Test
    void backstageFilters() {
        assertThat(expressions.render("${{ parameters.repoUrl | projectSlug }}", context)).isEqualTo("team/svc");
        assertThat(expressions.evaluate("${{ 'group:default/team-a' | parseEntityRef }}", context))
                .isEqualTo(Map.of("kind", "group", "namespace", "default", "name", "team-a"));
        assertThat(expressions.render("${{ values.destination | pick('owner') }}", context)).isEqualTo("team");
    }

    @Test
    void conditionsAreNunjucksTruthy() {
        assertThat(expressions.truthy("${{ parameters.description }}", context)).isFalse();
        assertThat(expressions.truthy("${{ parameters.name == 'svc' }}", context)).isTrue();
        assertThat(expressions.truthy("${{ parameters.name is defined and parameters.nope is not defined }}", context))
                .isTrue();
    }

    @Test
    void strictComparisonsWorkAsTheShippedTemplatesWriteThem() {
        assertThat(expressions.truthy("${{ parameters.name === 'svc' }}", context)).isTrue();
        assertThat(expressions.truthy("${{ parameters.name !== 'svc' }}", context)).isFalse();
        assertThat(expressions.truthy("${{ parameters.dryRun !== true }}", context)).isTrue();
        assertThat(expressions.render("{% if parameters.name === 'svc' %}yes{% endif %}", context)).isEqualTo("yes");
        // inside a string literal the characters stay as written
        assertThat(expressions.render("${{ 'a === b' }} ${{ \"x !== y\" }}", context)).isEqualTo("a === b x !== y");
    }

    @Test
    void javaInternalsAreOutOfReach() {
        assertThatThrownBy(() -> expressions.render("${{ parameters.name.getClass().forName('java.lang.Runtime') }}",
                context)).isInstanceOf(ExpressionException.class).hasMessageContaining("not allowed");
        assertThat(expressions.render("${{ parameters.class }}", context)).isEmpty();
        assertThatThrownBy(() -> expressions.render("{% include '/etc/passwd' %}", context))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void syntaxErrorsAreReported() {
        assertThatThrownBy(() -> expressions.render("${{ parameters.name | }}", context))
                .isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> expressions.render("{% if %}", context)).isInstanceOf(ExpressionException.class);
    }

    @Test
    void loopsAreStoppedByTheirLimits() {
        TemplateExpressions quick = new TemplateExpressions(new TemplateExpressions.Limits(10_000, Duration.ofMillis(300)));
        assertThatThrownBy(() -> quick.render("{% for a in range(10000) %}{% for b in range(10000) %}"
                + "{% endfor %}{% endfor %}", context)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("stopped");
        assertThatThrownBy(() -> quick.render("{% for a in range(10000) %}xxxxxxxxxx{% endfor %}", context))
                .isInstanceOf(ExpressionException.class);
    }
}
