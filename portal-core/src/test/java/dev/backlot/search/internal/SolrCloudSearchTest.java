package dev.backlot.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search beyond one machine, against a real 2-node SolrCloud (ZooKeeper and two Jetty nodes on
 * loopback, started here): {@code PORTAL_SOLR_ZK} uploads the configset and creates the collection;
 * {@code PORTAL_SOLR_URL} talks to one node, and while that node is down the catalog's changes wait
 * in the database and arrive once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudSearchTest {

    @TempDir
    static Path dir;
    MiniSolrCloudCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(2, dir.resolve("cloud")).build();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    @Order(1)
    void zooKeeperHostsUploadTheConfigsetCreateTheCollectionAndSearch() throws Exception {
        String zk = cluster.getZkServer().getZkAddress();
        SearchSettings settings = new SearchSettings(Optional.empty(), Optional.of(zk), "backlot", Duration.ZERO);
        try (SearchFixture f = new SearchFixture(dir.resolve("zk"), new FakeExtensions(), settings)) {
            assertThat(cluster.getZkClient().exists("/configs/backlot", true)).isTrue();
            assertThat(CollectionAdminRequest.listCollections(cluster.getSolrClient())).contains("backlot");
            cluster.waitForActiveCollection("backlot", 1, 2);

            f.load("all/catalog-info.yaml", EmbeddedSearchTest.CORPUS);
            SearchFixture.eventually(() -> f.search().query(SearchQuery.of("ledger")).numberOfResults() >= 2,
                    "the corpus searchable in SolrCloud");
            assertThat(f.search().status().engine()).contains("SolrCloud");
        }
    }

    @Test
    @Order(2)
    void anUnreachableNodeQueuesChangesDurablyAndCatchesUpWhenBack() throws Exception {
        JettySolrRunner node = cluster.getJettySolrRunner(0);
        String url = node.getBaseUrl().toString();
        SearchSettings settings = new SearchSettings(Optional.of(url), Optional.empty(), "backlot", Duration.ZERO);
        try (SearchFixture f = new SearchFixture(dir.resolve("url"), new FakeExtensions(), settings)) {
            SearchFixture.eventually(() -> f.search().status().reachable(), "the node answers");

            // given the node is down
            cluster.stopJettySolrRunner(node);
            assertThatThrownBy(() -> f.search().query(SearchQuery.of("ledger")))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("cannot be reached");

            // when the catalog changes meanwhile, the change waits in the database
            f.load("late/catalog-info.yaml", """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: wombat-router, description: Routes wombats}
                    spec: {type: service, lifecycle: production, owner: team-w}
                    """);
            SearchFixture.eventually(() -> f.search().status().pendingChanges() > 0, "the change queued");

            // then, with the node back, the index catches up
            cluster.startJettySolrRunner(node, true);
            cluster.waitForActiveCollection("backlot", 1, 2);
            SearchFixture.eventually(() -> {
                try {
                    return f.search().query(SearchQuery.of("wombat")).numberOfResults() == 1;
                } catch (ServiceUnavailableException notYet) {
                    return false;
                }
            }, "the queued change indexed");
            SearchFixture.eventually(() -> f.search().status().pendingChanges() == 0, "the queue emptied");
        }
    }
}
