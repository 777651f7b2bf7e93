package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import org.junit.jupiter.api.Test;

class FailurePlanTest {

  private final FailurePlan plan = new FailurePlan();

  @Test
  void failsOnlyChosenCall() {
    // given
    plan.check(Operation.TENANT_RENAME);
    plan.failOnCall(Operation.TENANT_RENAME, 2);

    // when
    plan.check(Operation.TENANT_RENAME);

    // then
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> plan.check(Operation.TENANT_RENAME));
    assertThatCode(() -> plan.check(Operation.TENANT_RENAME)).doesNotThrowAnyException();
  }

  @Test
  void failsEveryCallUntilCleared() {
    // given
    plan.failOn(Operation.ADMIN_INSERT);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> plan.check(Operation.ADMIN_INSERT));

    // when
    plan.clear();

    // then
    assertThatCode(() -> plan.check(Operation.ADMIN_INSERT)).doesNotThrowAnyException();
    assertThat(plan.calls(Operation.ADMIN_INSERT)).isEqualTo(2);
  }

  @Test
  void leavesOtherOperationsAlone() {
    // given
    plan.failOn(Operation.ADMIN_INSERT);

    // when / then
    assertThatCode(() -> plan.check(Operation.ADMIN_UPDATE)).doesNotThrowAnyException();
  }

  @Test
  void afterEffectRuleFailsLate() {
    // given
    plan.failAfterEffect(Operation.ADMIN_INSERT);

    // when
    plan.check(Operation.ADMIN_INSERT);

    // then
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> plan.checkAfterEffect(Operation.ADMIN_INSERT));
  }

  @Test
  void afterEffectRuleFailsOnlyChosenCall() {
    // given
    plan.failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 2);

    // when
    plan.check(Operation.ORGANIZATION_UPDATE);
    plan.checkAfterEffect(Operation.ORGANIZATION_UPDATE);
    plan.check(Operation.ORGANIZATION_UPDATE);

    // then
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> plan.checkAfterEffect(Operation.ORGANIZATION_UPDATE));
    plan.check(Operation.ORGANIZATION_UPDATE);
    assertThatCode(() -> plan.checkAfterEffect(Operation.ORGANIZATION_UPDATE))
        .doesNotThrowAnyException();
  }

  @Test
  void callRuleThrowsSuppliedFailure() {
    // given
    plan.failOnCall(Operation.TENANT_DROP, 1, () -> new IllegalStateException("planned"));

    // when / then
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> plan.check(Operation.TENANT_DROP))
        .withMessage("planned");
  }

  @Test
  void callRuleCanStopCallerWithError() {
    // given
    plan.failOnCall(
        Operation.TENANT_DROP,
        1,
        () -> {
          throw new AssertionError("process stopped");
        });

    // when / then
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> plan.check(Operation.TENANT_DROP));
  }

  @Test
  void rejectsCallNumberBelowOne() {
    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> plan.failAfterEffectOnCall(Operation.TENANT_DROP, 0));
  }
}
