package dev.backlot.web.it.uifixture;

/** The model the fixture fragments call; private to the test bundle, as plugin models are. */
public class FixtureModel {

    private final String version;

    public FixtureModel(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    /** Called from a fragment, after it has already written some markup. */
    public String explode() {
        throw new IllegalStateException("rendering broke");
    }
}
