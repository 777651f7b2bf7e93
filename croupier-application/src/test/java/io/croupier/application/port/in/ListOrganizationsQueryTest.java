package io.croupier.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.domain.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListOrganizationsQueryTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 1000})
  void acceptsLimitInRange(int limit) {
    assertThat(ListOrganizationsQuery.firstPage(limit).limit()).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void rejectsLimitOutOfRange(int limit) {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> ListOrganizationsQuery.firstPage(limit))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("limit");
    assertThat(error.getMessage()).isEqualTo("Limit " + limit + " is out of range; use 1 to 1000");
  }

  @Test
  void firstPageHasNoCursor() {
    assertThat(ListOrganizationsQuery.firstPage(5).after()).isEmpty();
  }
}
