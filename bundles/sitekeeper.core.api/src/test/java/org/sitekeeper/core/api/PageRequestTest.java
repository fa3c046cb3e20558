package org.sitekeeper.core.api;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.persistence.Cursors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void missingParametersGiveTheFirstPageWithTheDefaultSize() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, 0));
        assertThat(PageRequest.parse("", " ")).isEqualTo(PageRequest.first());
    }

    @Test
    void parsesLimitAndCursor() {
        assertThat(PageRequest.parse("10", Cursors.encode(99))).isEqualTo(new PageRequest(10, 99));
    }

    @Test
    void acceptsTheLimitBounds() {
        assertThat(PageRequest.parse("1", null).limit()).isEqualTo(1);
        assertThat(PageRequest.parse("500", null).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    }

    @Test
    void refusesLimitOutOfRangeNamingTheField() {
        for (String limit : new String[] {"0", "501", "-1"}) {
            assertThatThrownBy(() -> PageRequest.parse(limit, null))
                    .as(limit)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                            .isEqualTo("limit"))
                    .hasMessageContaining("between 1 and 500");
        }
    }

    @Test
    void refusesNonNumericLimit() {
        assertThatThrownBy(() -> PageRequest.parse("ten", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"))
                .hasMessage("limit must be a whole number");
    }

    @Test
    void refusesForeignCursorNamingTheField() {
        assertThatThrownBy(() -> PageRequest.parse(null, "not-a-cursor"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void constructorRefusesLimitOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(PageRequest.MAX_LIMIT + 1, 0));
    }
}
