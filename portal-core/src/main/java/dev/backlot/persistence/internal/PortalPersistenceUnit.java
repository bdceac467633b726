package dev.backlot.persistence.internal;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The persistence unit, described in code instead of a {@code META-INF/persistence.xml}.
 *
 * <p>Why: a {@code persistence.xml} inside the WAR is picked up by the application server, which
 * then deploys it as a container unit against its own default data source; the portal instead owns
 * its pool and runs migrations first. Listing the entity classes here also means no scanning.
 */
public final class PortalPersistenceUnit implements PersistenceUnitInfo {

    private final DataSource dataSource;
    private final List<String> classNames;
    private final ClassLoader classLoader;

    public PortalPersistenceUnit(DataSource dataSource, List<Class<?>> entityClasses, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.classNames = entityClasses.stream().map(Class::getName).toList();
        this.classLoader = classLoader;
    }

    /** EclipseLink settings: the schema belongs to the migrations, so no DDL generation, no weaving. */
    public static Map<String, Object> properties(String product) {
        return Map.of(
                "eclipselink.ddl-generation", "none",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING",
                "eclipselink.target-database", product.toLowerCase().contains("postgres")
                        ? "org.eclipse.persistence.platform.database.PostgreSQLPlatform"
                        : "org.eclipse.persistence.platform.database.H2Platform");
    }

    @Override
    public String getPersistenceUnitName() {
        return "backlot";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return "org.eclipse.persistence.jpa.PersistenceProvider";
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        // EclipseLink names the unit after its root; the jar (or folder) holding the entity classes.
        return PortalPersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return classNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        // Several portal nodes may share one database: no second-level cache that could go stale.
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Weaving is off; nothing to register.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
