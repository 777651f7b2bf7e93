package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationName;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  @Test
  void organizationChangedIsConflict() {
    // when
    int code = new ExitCodes().getExitCode(new OrganizationChanged(OrganizationName.of("acme")));

    // then
    assertThat(code).isEqualTo(ExitCodes.CONFLICT);
  }
}
