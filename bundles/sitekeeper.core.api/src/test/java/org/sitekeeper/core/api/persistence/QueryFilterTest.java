package org.sitekeeper.core.api.persistence;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class QueryFilterTest {

    private static Map<String, Object> bound(QueryFilter filter) {
        return filter.bind(new RecordingQuery()).bound;
    }

    @Test
    void noFiltersGiveNoClauseAndNoParameters() {
        QueryFilter filter = new QueryFilter();

        assertThat(filter.clause()).isEmpty();
        assertThat(bound(filter)).isEmpty();
    }

    @Test
    void nullValuesAreLeftOut() {
        QueryFilter filter = new QueryFilter()
                .equal("s.status", "status", null)
                .lessThan("s.id", "before", null)
                .greaterThan("s.id", "after", null)
                .atLeast("s.at", "since", null)
                .startsWith("s.name", "name", null)
                .containsIgnoreCase("q", null, "s.name");

        assertThat(filter.clause()).isEmpty();
        assertThat(bound(filter)).isEmpty();
    }

    @Test
    void conditionsAreJoinedWithAndAndValuesBoundAsParameters() {
        QueryFilter filter = new QueryFilter()
                .equal("s.status", "status", "UP")
                .lessThan("s.id", "before", 10L)
                .greaterThan("s.id", "after", 2L)
                .atLeast("s.at", "since", 5);

        assertThat(filter.clause())
                .isEqualTo(" WHERE s.status = :status AND s.id < :before AND s.id > :after AND s.at >= :since");
        assertThat(bound(filter))
                .containsExactly(entry("status", "UP"), entry("before", 10L), entry("after", 2L), entry("since", 5));
    }

    @Test
    void valuesNeverAppearInTheClause() {
        QueryFilter filter = new QueryFilter().equal("s.name", "name", "x' OR '1'='1");

        assertThat(filter.clause()).isEqualTo(" WHERE s.name = :name");
        assertThat(bound(filter)).containsEntry("name", "x' OR '1'='1");
    }

    @Test
    void startsWithTakesWildcardsLiterally() {
        QueryFilter filter = new QueryFilter().startsWith("s.name", "name", "50%_off\\");

        assertThat(filter.clause()).isEqualTo(" WHERE s.name LIKE :name ESCAPE '\\'");
        assertThat(bound(filter)).containsEntry("name", "50\\%\\_off\\\\%");
    }

    @Test
    void containsIgnoreCaseSearchesEveryPathLowerCased() {
        QueryFilter filter = new QueryFilter().containsIgnoreCase("q", "Shop_1", "s.name", "s.url");

        assertThat(filter.clause())
                .isEqualTo(" WHERE (LOWER(s.name) LIKE :q ESCAPE '\\' OR LOWER(s.url) LIKE :q ESCAPE '\\')");
        assertThat(bound(filter)).containsEntry("q", "%shop\\_1%");
    }

    @Test
    void containsIgnoreCaseWithoutPathsFiltersNothing() {
        QueryFilter filter = new QueryFilter().containsIgnoreCase("q", "shop");

        assertThat(filter.clause()).isEmpty();
        assertThat(bound(filter)).isEmpty();
    }

    @Test
    void fixedConditionsBringTheirParameters() {
        QueryFilter filter = new QueryFilter()
                .condition(":tag MEMBER OF s.tags", Map.of("tag", "prod"))
                .equal("s.id", "id", 3L);

        assertThat(filter.clause()).isEqualTo(" WHERE :tag MEMBER OF s.tags AND s.id = :id");
        assertThat(bound(filter)).containsOnly(entry("tag", "prod"), entry("id", 3L));
    }

    @Test
    void escapeLikeEscapesTheEscapeCharacterFirst() {
        assertThat(QueryFilter.escapeLike("a\\%b")).isEqualTo("a\\\\\\%b");
        assertThat(QueryFilter.escapeLike("100%")).isEqualTo("100\\%");
        assertThat(QueryFilter.escapeLike("a_b")).isEqualTo("a\\_b");
        assertThat(QueryFilter.escapeLike("plain")).isEqualTo("plain");
    }
}
